/* bench-floor.h: the floor of each measure, the store's SQL run bare.
 *
 * The SQL below is the store's: the macros nb-store-private.h shares,
 * or copied from nb-store-*.c. When a copied statement changes, this
 * copy must follow, or the floor measures something else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "bench.h"
#include "nb-store-private.h"

G_BEGIN_DECLS

/* The store's SQL, as in nb-store-*.c. "%s" is the card's columns. */

#define SQL_PEOPLE_LIST \
  "SELECT p.id, %s, " NB_STORE_PERSON_TAIL " FROM people p " \
  "WHERE p.deleted = 0 AND (?1 OR p.archived = 0) " \
  "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM tags t " \
  "                           WHERE t.person_id = p.id AND t.tag = ?2)) " \
  "ORDER BY p.sort_key, p.id"
#define SQL_PEOPLE_TAGS "SELECT person_id, tag FROM tags ORDER BY person_id, tag"
/* Shared with the store (nb-store-private.h), so that they cannot part. */
#define SQL_PEOPLE_SUMMARIES NB_STORE_SQL_PEOPLE_SUMMARIES
#define SQL_DUE_FOLLOWUPS \
  "SELECT e.person_id FROM entries e" \
  " WHERE e.kind = 'follow-up' AND e.status = 'open' AND e.due <= ?1" \
  "   AND e.deleted = 0"
#define SQL_DELETED_PEOPLE "SELECT id FROM people WHERE deleted <> 0"
/* The store runs the cards' statement, then the notes' (nb-store-search.c):
 * one statement here, for floor_search() in bench-core.c. */
#define SQL_SEARCH \
  "SELECT * FROM (" NB_STORE_SQL_SEARCH_CARDS ")" \
  " UNION ALL SELECT * FROM (SELECT rowid, 0 FROM (" NB_STORE_SQL_SEARCH_NOTES "))"
#define SQL_BY_NAME \
  "SELECT id, folded_name FROM people" \
  " WHERE deleted = 0 AND instr (folded_name, ?1) > 0" \
  " ORDER BY sort_key, id"
#define SQL_PERSON "SELECT id, %s, " NB_STORE_PERSON_TAIL " FROM people WHERE id = ? AND deleted = 0"
#define SQL_PERSON_TAGS "SELECT tag FROM tags WHERE person_id = ? ORDER BY tag"
#define SQL_TIMELINE \
  "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e" \
  " JOIN people p ON p.id = e.person_id" \
  " WHERE (e.person_id = ?1 OR e.other_person_id = ?1)" \
  "   AND e.deleted = 0 AND p.deleted = 0" \
  " ORDER BY e.date DESC, e.id DESC"
/* Helpers are matched in memory, in the cards index (nb-store-cache.c),
 * which SQL_CARDS_INDEX fills once per change to a person, not per
 * need: no SQL per need is left, and this does nothing with ?1 and ?2. */
#define SQL_HELPERS "SELECT ?1, ?2 LIMIT 0"
/* ?1: the last day of the agenda's week. */
#define SQL_FOLLOWUPS NB_STORE_SQL_FOLLOWUPS_DUE_BY
#define SQL_MEETINGS \
  "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e" \
  " JOIN people p ON p.id = e.person_id" \
  " WHERE e.kind = 'meeting' AND e.date > ?1" \
  "   AND e.deleted = 0 AND p.deleted = 0" \
  " ORDER BY e.date, e.id"
/* The store counts goodwill once and keeps it until something changes
 * (nb-store-cache.c): the floor counts it each time. */
#define SQL_GOODWILL \
  "SELECT g.kind, g.n - (SELECT count (*) FROM people d" \
  "                      CROSS JOIN entries e ON e.person_id = d.id" \
  "                      WHERE d.deleted <> 0 AND e.deleted = 0" \
  "                        AND e.kind = g.kind)" \
  " FROM (SELECT kind, count (*) AS n FROM entries" \
  "       WHERE deleted = 0 AND " NB_STORE_GOODWILL_KINDS \
  "       GROUP BY kind) g"
#define SQL_GOING_COLD NB_STORE_SQL_GOING_COLD
/* ?3 to ?5: the bounds of the cheaper test, as recent_bounds() in
 * nb-store-lists.c computes them (bench-core.c does the same). */
#define SQL_RECENT \
  "SELECT p.id, %s, " NB_STORE_PERSON_TAIL " FROM (" \
  "  SELECT id, coalesce (nullif (met_date, '')," \
  "                       date (created, 'unixepoch', 'localtime')) AS met" \
  "  FROM people WHERE +deleted = 0 AND archived = 0" \
  "    AND CASE WHEN met_date <> '' THEN met_date BETWEEN ?3 AND ?1" \
  "             ELSE created BETWEEN ?4 AND ?5 END) m" \
  " JOIN people p ON p.id = m.id" \
  " WHERE m.met <= ?1 AND julianday (?1) - julianday (m.met) <= ?2" \
  "   AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.person_id = p.id" \
  "                   AND e.kind = 'follow-up' AND e.deleted = 0)" \
  " ORDER BY m.met DESC, p.sort_key, p.id"


/* A raw connection and its statements, prepared once, like the store's. */
typedef struct {
  sqlite3       *db;
  char          *columns;
  sqlite3_stmt  *people_list;
  sqlite3_stmt  *people_tags;
  sqlite3_stmt  *people_summaries;
  sqlite3_stmt  *due_followups;
  sqlite3_stmt  *deleted_people;
  sqlite3_stmt  *search;
  sqlite3_stmt  *by_name;
  sqlite3_stmt  *person;
  sqlite3_stmt  *person_tags;
  sqlite3_stmt  *timeline;
  sqlite3_stmt  *helpers;
  sqlite3_stmt  *followups;
  sqlite3_stmt  *meetings;
  sqlite3_stmt  *goodwill;
  sqlite3_stmt  *going_cold;
  sqlite3_stmt  *recent;
} Floor;

/* Opens @path on a connection of its own, with the store's page cache;
 * prepares every statement unless !@prepare. */
gboolean    floor_open            (Floor         *floor,
                                   const char    *path,
                                   gboolean       prepare,
                                   GError       **error);
void        floor_close           (Floor         *floor);
/* Prepares @sql_format ("%s" = the card's columns) into *@stmt. */
gboolean    floor_prepare         (Floor         *floor,
                                   sqlite3_stmt **stmt,
                                   const char    *sql_format,
                                   GError       **error);
/* Steps @stmt to the end (or @max rows), reading every column as its
 * type; returns the rows. The ids of column 0 go to @ids if not NULL. */
guint       floor_run             (sqlite3_stmt  *stmt,
                                   guint          max,
                                   GArray        *ids);
/* The card and tags of one person. */
void        floor_person          (Floor         *floor,
                                   gint64         person_id);
guint       floor_timeline        (Floor         *floor,
                                   gint64         person_id);

G_END_DECLS
