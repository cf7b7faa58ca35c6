/* nb-store-private.h: what the files of NbStore share.
 *
 * nb-db.c opens the SQLite file safely and migrates it; nb-store-schema.c
 * holds the schema; nb-store.c is the object, transactions and change
 * signals; nb-store-people.c, nb-store-entries.c, nb-store-search.c and
 * nb-store-models.c implement the rest of nb-store.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "nb-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Netbook notebook: "NBBK". */
#define NB_STORE_APPLICATION_ID 0x4E42424B

/* PRAGMA cache_size of the store's connection: 8 MiB (negative: KiB). */
#define NB_STORE_CACHE_KIB_NEG -8192

/* The page cache while everyone is read (_nb_store_set_cache_kib()). */
#define NB_STORE_BULK_CACHE_KIB 2048

/* How long a writer waits for another connection's lock. */
#define NB_STORE_BUSY_TIMEOUT_MS 5000

/* One migration step: brings the schema from version N-1 to N. It runs
 * inside the migration's transaction, with foreign keys off. */
typedef gboolean (*NbMigrationFunc) (sqlite3     *db,
                                     const char  *path,
                                     GError     **error);

/* Indexed by the version they produce; [0] is unused (NULL). */
extern const NbMigrationFunc _nb_store_migrations[];
extern const guint           _nb_store_n_migrations;

/* Statements prepared once (SQLITE_PREPARE_PERSISTENT), one slot each. */
typedef enum {
  NB_STMT_BEGIN_IMMEDIATE,
  NB_STMT_BEGIN_DEFERRED,
  NB_STMT_COMMIT,
  NB_STMT_ROLLBACK,
  NB_STMT_SAVEPOINT,
  NB_STMT_RELEASE,
  NB_STMT_ROLLBACK_TO,

  NB_STMT_PERSON_GET,
  NB_STMT_PERSON_GET_ANY,
  NB_STMT_PERSON_EXISTS,
  NB_STMT_PERSON_INSERT,
  NB_STMT_PERSON_UPDATE,
  NB_STMT_PERSON_SET_DELETED,
  NB_STMT_PERSON_SET_ARCHIVED,
  NB_STMT_PERSON_TAGS,
  NB_STMT_PERSON_TAG_DELETE,
  NB_STMT_PERSON_TAG_INSERT,
  NB_STMT_PERSON_SUMMARY,
  NB_STMT_PERSON_SUMMARY_DUE,
  NB_STMT_PERSON_LINKED,
  NB_STMT_PERSON_PHOTO,
  NB_STMT_PERSON_SET_PHOTO,
  NB_STMT_PEOPLE_LIST,
  NB_STMT_PEOPLE_TAGS,
  NB_STMT_PEOPLE_SUMMARIES,
  NB_STMT_PEOPLE_BY_NAME,
  NB_STMT_PEOPLE_IDS_BY_NAME,
  NB_STMT_TAGS_LIST,

  NB_STMT_ENTRY_GET,
  NB_STMT_ENTRY_GET_ANY,
  NB_STMT_ENTRY_INSERT,
  NB_STMT_ENTRY_INSERT_MANY,
  NB_STMT_ENTRIES_NEXT_ID,
  NB_STMT_ENTRY_UPDATE,
  NB_STMT_ENTRY_SET_STATUS,
  NB_STMT_ENTRY_SET_DELETED,
  NB_STMT_TIMELINE,
  NB_STMT_FOLLOWUPS,
  NB_STMT_FOLLOWUPS_OVERDUE,
  NB_STMT_FOLLOWUPS_DUE_BY,
  NB_STMT_UPCOMING_MEETINGS,
  NB_STMT_GOING_COLD,
  NB_STMT_RECENT_WITHOUT_FOLLOWUP,
  NB_STMT_GOODWILL,
  NB_STMT_DUE_FOLLOWUPS,
  NB_STMT_PEOPLE_COUNT,

  NB_STMT_EVENT_EXISTS,
  NB_STMT_EVENT_INSERT,
  NB_STMT_EVENT_GET,
  NB_STMT_EVENT_LIST,
  NB_STMT_ATTENDEE_INSERT,
  NB_STMT_ATTENDEES,

  NB_STMT_PROFILE_GET,
  NB_STMT_PROFILE_SET,

  NB_STMT_SEARCH,
  NB_STMT_SEARCH_PENDING,
  NB_STMT_SEARCH_SYNC_DELETE,
  NB_STMT_SEARCH_SYNC_PEOPLE,
  NB_STMT_SEARCH_SYNC_ENTRIES,
  NB_STMT_SEARCH_SYNC_CLEAR,
  NB_STMT_DELETED_PEOPLE,
  NB_STMT_PEOPLE_MAX_ID,
  NB_STMT_SEARCH_HELPERS,
  NB_STMT_SEARCH_NOTES,
  NB_STMT_DATA_VERSION,
  NB_STMT_CARDS_INDEX,
  NB_STMT_ENTRY_PEOPLE_SIZE,
  NB_STMT_ENTRY_PEOPLE,
  NB_STMT_ENTRY_PERSON,

  NB_STMT_MATCH_PEOPLE,
  NB_STMT_CAPTURE_FIND_EVENT,
  NB_STMT_DRAFT_SAVE,
  NB_STMT_DRAFT_LIST,
  NB_STMT_DRAFT_DELETE,

  NB_N_STMTS
} NbStmtId;

/* A change waiting for the outermost COMMIT. The old_* ids are where an
 * updated entry was before, so that models can drop it from there. */
typedef enum {
  NB_PENDING_PERSON,
  NB_PENDING_ENTRY,
  NB_PENDING_PROFILE,
  NB_PENDING_EVENT,
} NbPendingKind;

typedef struct {
  NbPendingKind kind;
  NbChange      change;
  gint64        id;
  gint64        person_id;
  gint64        other_person_id;
  gint64        old_person_id;
  gint64        old_other_person_id;
} NbPendingChange;

struct _NbStore
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  sqlite3_stmt  *stmts[NB_N_STMTS];

  /* "display_name, given_name, …" in NbPersonField order. */
  char          *person_columns;

  /* Transactions: depth of nesting, and for each open level the length
   * of @pending when it began (to drop a rolled-back savepoint's
   * changes). */
  guint          depth;
  /* The outermost level is a write transaction (BEGIN IMMEDIATE). */
  gboolean       writing;
  /* Search rows (gint64) the triggers said are stale since the outermost
   * transaction began, rewritten at its COMMIT; and those of them that
   * were not new, so may be in the index. May repeat. */
  GArray        *stale_search;
  GArray        *stale_search_old;
  GArray        *pending;        /* NbPendingChange */
  /* A worker's (_nb_store_open_worker()): committed changes, kept for
   * the store it works for instead of emitted. NULL otherwise. */
  GArray        *forward;        /* NbPendingChange */
  GArray        *pending_marks;  /* guint */

  /* SQLite reported damage: not noted healthy when it closes. */
  gboolean       damaged;
  /* PRAGMA data_version when the store last looked for other processes'
   * commits (nb_store_check_outside_changes()). */
  gint64         outside_version;

  /* Live models (nb-store-models.c). */
  GListStore    *people_model;
  GListStore    *followups_model;
  GHashTable    *timelines;      /* gint64* person id → GListStore* (weak) */
  /* gint64* person id → NbPerson* of @people_model (borrowed); NULL
   * until needed and whenever the model changes. */
  GHashTable    *people_by_id;
  /* The people model holds only the first people by sort key
   * (nb_store_get_people_model_first()); the rest are still to read. */
  gboolean       people_partial;
  /* Stage and trust of the people model, computed after it loaded. */
  guint          trust_idle_id;
  guint          trust_cursor;
};

/* A persistent statement borrowed from the store: reset and unbound when
 * it goes out of scope, never finalized. */
typedef sqlite3_stmt NbStmt;
void _nb_stmt_release (NbStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbStmt, _nb_stmt_release)

/* ---- nb-db.c ---------------------------------------------------------- */

typedef enum {
  NB_FILE_OPEN,
  NB_FILE_READ,
  NB_FILE_CREATE,
  NB_FILE_SAVE,
} NbFileAction;

/* Sets @error from errno @errsv while doing @action on @path. */
void       _nb_db_set_errno_error     (GError      **error,
                                       int           errsv,
                                       const char   *path,
                                       NbFileAction  action);

/* Casefolded, NFD without combining marks: "Ångström" → "angstrom". The
 * same rule as nb_person_dup_sort_key(). Never NULL. */
char      *_nb_fold                   (const char  *text);
/* _nb_fold() with runs of white space made one space, trimmed: how
 * names are compared. */
char      *_nb_fold_name              (const char  *name);
/* Registers nb_fold() (deterministic, innocuous) on @db, and
 * nb_search_stale() as connections without a store need it (see
 * nb-store-schema.c, version 3). */
int        _nb_db_register_functions  (sqlite3     *db);
/* Opens @path (creating it 0600 if missing) after checking that it is a
 * healthy Netbook notebook no newer than @migrations, migrates it (with a
 * backup first) and configures the connection (WAL, foreign keys, …). */
sqlite3   *_nb_db_open                (const char             *path,
                                       const NbMigrationFunc  *migrations,
                                       guint                   n_migrations,
                                       GError                **error);
/* Another connection to @path, which this process's store opened and
 * checked already (for a worker thread): no page-by-page check. */
sqlite3   *_nb_db_open_second         (const char  *path,
                                       int          current_version,
                                       GError     **error);
/* Notes, after the store closed @path cleanly, that it is healthy as it
 * is now: the next open skips quick_check if nothing changed it. */
void       _nb_db_note_healthy        (const char  *path);
/* The store met damage in @path: the next open checks every page. */
void       _nb_db_forget_healthy      (const char  *path);
/* A consistent copy of @db's main database at @dest_path, mode 0600,
 * written next to it and renamed into place. */
gboolean   _nb_db_backup_to           (sqlite3     *db,
                                       const char  *db_path,
                                       const char  *dest_path,
                                       GError     **error);
gboolean   _nb_db_exec                (sqlite3     *db,
                                       const char  *path,
                                       const char  *sql,
                                       GError     **error);
/* Sets @error from SQLite's result code @rc, naming @path. @opening:
 * the message says that the file was left alone. */
void       _nb_db_set_error           (GError     **error,
                                       sqlite3     *db,
                                       int          rc,
                                       const char  *path,
                                       gboolean     opening);

/* ---- nb-db-inspect.c -------------------------------------------------- */

/* "Netbook did not change it.", translated. */
const char *_nb_db_refused_hint       (void);
/* 0 if missing. */
goffset    _nb_db_file_size           (const char  *path);
/* The checks on the raw bytes: a whole SQLite file, which SQLite may
 * open without writing to it. */
gboolean   _nb_db_inspect_file        (const char  *path,
                                       GError     **error);
/* quick_check (if @check_pages), application_id, tables, user_version
 * (at most @current_version), read without writing. */
gboolean   _nb_db_check_contents      (sqlite3     *db,
                                       const char  *path,
                                       int          current_version,
                                       gboolean     check_pages,
                                       int         *out_version,
                                       guint32     *out_application_id,
                                       GError     **error);
/* Closes a connection to a refused file, removing the side files that
 * opening it made. */
void       _nb_db_close_refused       (sqlite3     *db,
                                       const char  *wal_path,
                                       gboolean     had_wal,
                                       const char  *shm_path,
                                       gboolean     had_shm);

/* ---- nb-store.c ------------------------------------------------------- */

/* Never NULL. */
const char *_nb_column_text           (sqlite3_stmt *stmt,
                                       int           col);

/* Borrows statement @id, preparing @sql the first time. */
NbStmt    *_nb_store_prepare          (NbStore     *self,
                                       NbStmtId     id,
                                       const char  *sql,
                                       GError     **error);
/* sqlite3_step() that sets @error: SQLITE_ROW, SQLITE_DONE or -1. */
int        _nb_store_step             (NbStore     *self,
                                       sqlite3_stmt *stmt,
                                       GError     **error);
/* Runs a statement that returns no rows. */
gboolean   _nb_store_step_done        (NbStore     *self,
                                       sqlite3_stmt *stmt,
                                       GError     **error);
void       _nb_store_set_error        (NbStore     *self,
                                       GError     **error,
                                       int          rc);
/* Opens a level of transaction: BEGIN IMMEDIATE (or deferred BEGIN for
 * reads) at the outside, a SAVEPOINT inside. */
gboolean   _nb_store_begin            (NbStore     *self,
                                       gboolean     write,
                                       GError     **error);
/* Commits the level; after the outermost COMMIT the queued changes are
 * applied to the models and emitted. On failure everything is rolled
 * back. */
gboolean   _nb_store_commit           (NbStore     *self,
                                       GError     **error);
void       _nb_store_rollback         (NbStore     *self);
/* Rewrites the search rows that the schema's triggers noted in
 * pending_search since the last time (nb-store-schema.c, version 3).
 * Does nothing outside a write transaction. Called before the outermost
 * COMMIT and before searching. */
gboolean   _nb_store_sync_search      (NbStore     *self,
                                       GError     **error);
void       _nb_store_queue            (NbStore     *self,
                                       const NbPendingChange *change);
NbStore   *_nb_store_open_worker      (const char  *path,
                                       GError     **error);
GArray    *_nb_store_take_worker_changes (NbStore   *worker);
void       _nb_store_replay_changes   (NbStore     *self,
                                       GArray      *changes);
/* Reads @person's tags into it (nb-store-people.c). */
gboolean   _nb_store_load_tags        (NbStore     *self,
                                       NbPerson    *person,
                                       GError     **error);
void       _nb_store_queue_person     (NbStore     *self,
                                       gint64       person_id,
                                       NbChange     change);
gint64     _nb_store_now              (void);
/* Refuses text that is not valid UTF-8 (NB_STORE_ERROR_INVALID). */
gboolean   _nb_store_check_utf8       (const char  *text,
                                       const char  *what,
                                       GError     **error);
gboolean   _nb_store_check_optional_date (const char *date_iso,
                                          GError    **error);

/* ---- nb-store-people.c ------------------------------------------------ */

/* The columns after the card's fields in every query that loads people. */
#define NB_STORE_PERSON_TAIL \
  "cadence_days, rapport, archived, introduced_by, created, updated, sort_key"

/* Kinds that do not restart the stay-in-touch clock
 * (nb_entry_counts_as_contact()). */
#define NB_STORE_NOT_CONTACT "('dream', 'challenge', 'need')"

/* Last contact. An entry counts as a contact unless it is one of
 * NB_STORE_NOT_CONTACT, compared one by one: SQLite builds a NOT IN list
 * again at each run of a correlated subquery, which doubled the cost of
 * the people list. */
#define NB_STORE_CONTACT_KIND \
  "e.kind <> 'dream' AND e.kind <> 'challenge' AND e.kind <> 'need'"

/* The newest contact of @person on their own timeline, and from the
 * other side of introductions whose own person is not deleted, up to
 * the date @today: a seek back from @today at the end of entries_live
 * and of entries_other_live, which hold every column read (schema
 * version 4). */
#define NB_STORE_SQL_NEWEST_OWN(person, today) \
  "(SELECT e.date FROM entries e" \
  "  WHERE e.person_id = " person " AND e.deleted = 0" \
  "    AND " NB_STORE_CONTACT_KIND " AND e.date <= " today \
  "  ORDER BY e.date DESC LIMIT 1)"
#define NB_STORE_SQL_NEWEST_OTHER(person, today) \
  "(SELECT e.date FROM entries e" \
  "  WHERE e.other_person_id = " person " AND e.deleted = 0" \
  "    AND " NB_STORE_CONTACT_KIND " AND e.date <= " today \
  "    AND (SELECT o.deleted FROM people o WHERE o.id = e.person_id) = 0" \
  "  ORDER BY e.date DESC LIMIT 1)"

/* The same dates from contact_dates (schema version 5), row @c of the
 * person @person (LEFT JOINed: no row, no contact), which keeps each
 * person's newest contact of any date: a lookup, and the seek only when
 * that date is later than @today (a meeting planned ahead). */
#define NB_STORE_SQL_OWN_CONTACT(c, person, today) \
  "(CASE WHEN " c ".own IS NULL OR " c ".own <= " today " THEN " c ".own" \
  " ELSE " NB_STORE_SQL_NEWEST_OWN (person, today) " END)"
#define NB_STORE_SQL_OTHER_CONTACT(c, person, today) \
  "(CASE WHEN " c ".other IS NULL OR " c ".other <= " today " THEN " c ".other" \
  " ELSE " NB_STORE_SQL_NEWEST_OTHER (person, today) " END)"

/* Everyone's last contacts up to ?2, a row per person not deleted:
 * id, own, other. */
/* Everyone not deleted, whom NB_STORE_SQL_PEOPLE_SUMMARIES reads:
 * counted in people_sort, the index of exactly them (72 pages at
 * 10,000 people). Every index of people is partial, so count (*) of the
 * whole table read the table (614 pages, 19 ms before the first frame
 * with a cold cache). */
#define NB_STORE_SQL_PEOPLE_COUNT \
  "SELECT count (*) FROM people WHERE deleted = 0"

#define NB_STORE_SQL_PEOPLE_SUMMARIES \
  "SELECT p.id, " NB_STORE_SQL_OWN_CONTACT ("c", "p.id", "?2") ", " \
  NB_STORE_SQL_OTHER_CONTACT ("c", "p.id", "?2") \
  " FROM people p LEFT JOIN contact_dates c ON c.person_id = p.id" \
  " WHERE p.deleted = 0"

/* Days past the cadence since the last contact, or since we met (or
 * the card was made) for someone never contacted, of @cold's row, up
 * to ?1. Its columns are not named as people's: the person's card is
 * selected with it, by unqualified names. */
#define NB_STORE_SQL_OVERDUE(cold) \
  "(julianday (?1) - julianday (coalesce (" cold ".last," \
  "                                       nullif (" cold ".met, '')," \
  "                                       date (" cold ".made, 'unixepoch', 'localtime')))" \
  " - " cold ".cadence)"

/* People with a cadence, not archived, past it on ?1, most overdue
 * first: their card's columns (%s: the store's person_columns) and
 * NB_STORE_PERSON_TAIL after the id, then their last contact. Everyone
 * with a cadence is read from people_cadence (schema version 5), which
 * holds every column cold reads, and cold is MATERIALIZED because a
 * flattened subquery would be copied, and its lookups run, once for
 * each use of its column; the cards are read only for those past it. */
#define NB_STORE_SQL_GOING_COLD \
  "WITH cold (id, met, made, cadence, last) AS MATERIALIZED (" \
  "  SELECT p.id, p.met_date, p.created, p.cadence_days," \
  "         nullif (max (coalesce (" NB_STORE_SQL_OWN_CONTACT ("c", "p.id", "?1") ", '')," \
  "                      coalesce (" NB_STORE_SQL_OTHER_CONTACT ("c", "p.id", "?1") ", ''))," \
  "                 '')" \
  "  FROM people p LEFT JOIN contact_dates c ON c.person_id = p.id" \
  "  WHERE p.deleted = 0 AND p.archived = 0 AND p.cadence_days > 0)" \
  "SELECT p.id, %s, " NB_STORE_PERSON_TAIL ", cold.last" \
  " FROM cold JOIN people p ON p.id = cold.id" \
  " WHERE " NB_STORE_SQL_OVERDUE ("cold") " > 0" \
  " ORDER BY " NB_STORE_SQL_OVERDUE ("cold") " DESC, p.sort_key, p.id"

/* Open follow-ups due by ?1, a range of entries_open_followups. */
#define NB_STORE_SQL_FOLLOWUPS_DUE_BY \
  "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e" \
  " JOIN people p ON p.id = e.person_id" \
  " WHERE e.kind = 'follow-up' AND e.status = 'open' AND e.due <= ?1" \
  "   AND e.deleted = 0 AND p.deleted = 0" \
  " ORDER BY e.due, e.id"

/* The kinds of the goodwill balance, as the WHERE of the index
 * entries_goodwill (nb-store-schema.c, version 4) spells them: a query
 * must repeat this term exactly for SQLite to use the index. */
#define NB_STORE_GOODWILL_KINDS \
  "(kind = 'help-given' OR kind = 'referral-given'" \
  " OR kind = 'introduction' OR kind = 'help-received' OR kind = 'referral-received')"

/* Reads a person from a row of "SELECT id, <person_columns>, cadence_days,
 * rapport, archived, introduced_by, created, updated, sort_key" starting
 * at column @col. */
NbPerson  *_nb_store_person_from_row  (NbStore      *self,
                                       sqlite3_stmt *stmt,
                                       int           col);
/* The person with tags and summary, or NULL (NOT_FOUND) if missing or
 * deleted. */
NbPerson  *_nb_store_load_person      (NbStore     *self,
                                       gint64       person_id,
                                       gboolean     with_summary,
                                       GError     **error);
/* _nb_store_load_person() with the summary and the photo: one person's
 * page (nb_store_get_person(), nb_store_resolve_person()). */
NbPerson  *_nb_store_load_person_with_photo (NbStore  *self,
                                             gint64    person_id,
                                             GError  **error);
/* TRUE if the person exists and is not deleted. */
gboolean   _nb_store_person_exists    (NbStore     *self,
                                       gint64       person_id,
                                       GError     **error);
/* Sorts people by nb_person_dup_sort_key(), then id: the order of the
 * people.sort_key column, which is written from it. */
int        _nb_store_compare_people   (NbPerson    *a,
                                       NbPerson    *b);
/* Last contact, due follow-ups, and the exact stage and trust score
 * (nb_trust_compute() over the person's timeline). */
gboolean   _nb_store_fill_summary     (NbStore     *self,
                                       NbPerson    *person,
                                       const char  *today_iso,
                                       GError     **error);
/* Sets the summary of @person from their timeline @entries (as
 * _nb_store_load_timeline() reads it) and @trust computed over them. */
void       _nb_store_summarize        (NbPerson    *person,
                                       GPtrArray   *entries,
                                       NbTrust     *trust,
                                       const char  *today_iso);
/* Tags, last contact and due follow-ups (not stage and trust) of people
 * loaded without them: what search hits and short lists need. */
gboolean   _nb_store_fill_people      (NbStore     *self,
                                       GPtrArray   *people,
                                       GError     **error);
/* The card alone (no tags, no summary); NOT_FOUND if missing (or
 * deleted, unless @include_deleted). */
NbPerson  *_nb_store_load_person_row  (NbStore     *self,
                                       gint64       person_id,
                                       gboolean     include_deleted,
                                       GError     **error);
/* Only the stage and trust score. */
gboolean   _nb_store_fill_trust       (NbStore     *self,
                                       NbPerson    *person,
                                       const char  *today_iso,
                                       GError     **error);

/* ---- nb-store-lists.c ------------------------------------------------- */

/* Sets the tags and the list summaries of people loaded by the store. */
gboolean   _nb_store_fill_tags_and_summaries (NbStore    *self,
                                              GPtrArray  *people,
                                              const char *today_iso,
                                              GError    **error);
/* Only the list summaries (last contact, due follow-ups): one pass over
 * the entries for many people, index lookups for a few. */
gboolean   _nb_store_fill_summaries   (NbStore     *self,
                                       GPtrArray   *people,
                                       const char  *today_iso,
                                       GError     **error);
/* Everyone not deleted (archived too) with their tags, without the
 * list summaries, which read every entry: what an import matches. */
GPtrArray *_nb_store_list_cards       (NbStore     *self,
                                       GError     **error);
/* The page cache limit while everyone is read, in KiB (0: the usual). */
void       _nb_store_set_cache_kib    (NbStore    *self,
                                       int         kib);
/* The first @limit people of nb_store_list_people (self, NULL, TRUE),
 * by sort key (a seek into the people_sort index, not a read of all);
 * everyone when @limit is -1. */
GPtrArray *_nb_store_list_people_upto (NbStore    *self,
                                       gint64      limit,
                                       GError    **error);
/* People (without tags or summary) whose folded name equals @folded
 * (@exact), or each of whose words starts a different word of the name. */
GPtrArray *_nb_store_find_by_name     (NbStore     *self,
                                       const char  *folded,
                                       gboolean     exact,
                                       GError     **error);
/* Ids of the people each of whose words of @folded starts a different
 * word of their name, by name: the non-exact _nb_store_find_by_name()
 * without loading the cards. */
GArray    *_nb_store_find_ids_by_name (NbStore     *self,
                                       const char  *folded,
                                       GError     **error);
/* Splits folded text into words at anything but letters and digits. */
GStrv      _nb_split_words            (const char  *folded);

/* ---- nb-store-entries.c ----------------------------------------------- */

#define NB_STORE_ENTRY_COLUMNS \
  "e.id, e.person_id, e.other_person_id, e.event_id, e.kind, e.date, " \
  "e.due, e.status, e.text, e.created, e.updated"

NbEntry   *_nb_store_entry_from_row   (sqlite3_stmt *stmt,
                                       int           col);
GPtrArray *_nb_store_list_entries_from (NbStore     *self,
                                        sqlite3_stmt *stmt,
                                        GError     **error);
gboolean   _nb_store_entries_equal    (NbEntry     *a,
                                       NbEntry     *b);
/* Rows per INSERT of _nb_store_add_entries(). */
#define NB_STORE_ENTRY_BATCH 64

/* nb_store_add_entry() for many entries at once, all or none: a few
 * statements for them all. The entries' CHECKs on kind and status
 * build their lists as temporary b-trees once per statement, which
 * costs more than writing a row. */
gboolean   _nb_store_add_entries      (NbStore     *self,
                                       GPtrArray   *entries,
                                       GError     **error);
/* The timeline without checking that the person exists. */
GPtrArray *_nb_store_load_timeline    (NbStore     *self,
                                       gint64       person_id,
                                       GError     **error);

/* ---- nb-store-cache.c ------------------------------------------------- */

/* What the cards index holds of each card, in the search table's
 * folded text: work (company, role, industry), offers, tags. */
#define NB_CARD_N_COLUMNS 3
#define NB_STORE_SQL_CARDS_INDEX \
  "SELECT p.id, p.archived, f.work, f.offers, f.tags" \
  " FROM people p CROSS JOIN search f ON f.rowid = 2 * p.id" \
  " WHERE p.deleted = 0"

typedef struct _NbCardIndex NbCardIndex;

/* The cards of everyone not deleted, split into words, in memory: made
 * on first use and again after a change to a person. Borrowed: valid
 * until the next call. */
NbCardIndex *_nb_store_get_card_index (NbStore     *self,
                                       GError     **error);
/* Ids (gint64) of the cards that contain any of @stems (folded letters
 * and digits), best first by bm25 over the cards; not @exclude_id, not
 * archived; at most @limit (0 = all). */
GArray    *_nb_card_index_find        (NbCardIndex        *index,
                                       const char * const *stems,
                                       gint64              exclude_id,
                                       guint               limit);
/* Makes _nb_store_entry_person() read from memory while nothing changes. */
gboolean   _nb_store_prepare_entry_people (NbStore  *self,
                                           GError  **error);
/* The map _nb_store_prepare_entry_people() made, entry id → person id
 * (0: none) for ids below *@n_out, or NULL without one: for loops over
 * thousands of entries, which ask _nb_store_entry_person() for the
 * others. */
const guint32 *_nb_store_entry_people_map (NbStore *self,
                                           gsize   *n_out);
/* The person of entry @entry_id, 0 if none, -1 on error. */
gint64     _nb_store_entry_person     (NbStore     *self,
                                       gint64       entry_id,
                                       GError     **error);
/* The timeline last kept for @person_id (a new array of the same
 * entries, which are shared: read-only) if nothing changed since. */
GPtrArray *_nb_store_cached_timeline  (NbStore     *self,
                                       gint64       person_id);
void       _nb_store_keep_timeline    (NbStore     *self,
                                       gint64       person_id,
                                       GPtrArray   *entries);
/* The goodwill balance counted last, if nothing changed since; if it
 * returns FALSE, count, then keep the counts with the next call. */
gboolean   _nb_store_cached_goodwill  (NbStore     *self,
                                       guint       *given,
                                       guint       *received);
void       _nb_store_keep_goodwill    (NbStore     *self,
                                       guint        given,
                                       guint        received);

/* ---- nb-store-search.c ------------------------------------------------ */

/* Weights, in the search table's column order (nb_rank(), nb-db.c): a
 * name match beats work and tags, which beat what they offer, their
 * market and notes. */
#define NB_STORE_SEARCH_RANK "nb_rank (search, 10.0, 5.0, 3.0, 2.0, 5.0, 1.0, 0.0)"
/* Search: the cards that match ?1, best first, then by person. Cards are
 * rows 2 × person id: bounding the rowid lets FTS5 stop reading each
 * term's rows there. */
#define NB_STORE_SQL_SEARCH_CARDS \
  "SELECT rowid, " NB_STORE_SEARCH_RANK " AS rank FROM search" \
  " WHERE search MATCH ?1 AND rowid <= 2 * (SELECT max (id) FROM people)" \
  "   AND rowid % 2 = 0" \
  " ORDER BY rank, rowid"
/* Then the notes that match ?1 (rows 2 × entry id + 1): rowids alone,
 * which the index holds without reading any note. */
#define NB_STORE_SQL_SEARCH_NOTES \
  "SELECT rowid FROM search WHERE search MATCH ?1 AND rowid % 2 = 1"


/* ---- nb-store-models.c ------------------------------------------------ */

/* Applies committed changes to the live models before they are emitted. */
void       _nb_store_models_apply     (NbStore     *self,
                                       const NbPendingChange *change);
/* _nb_store_models_apply() for all of @changes (NbPendingChange) at
 * once: what a large commit needs. */
void       _nb_store_models_apply_many (NbStore    *self,
                                        GArray     *changes);
void       _nb_store_models_dispose   (NbStore     *self);
/* PRAGMA data_version: changes when another connection commits, never
 * for this one's own commits. -1 if it cannot be read. */
gint64     _nb_store_data_version     (NbStore     *self);
/* Reads every live model again (another process changed the file). */
void       _nb_store_models_reload    (NbStore     *self);
/* The people model's object for @person_id (borrowed), or NULL if the
 * model is not loaded or does not hold them. The store replaces the
 * model's objects rather than changing them, so they are snapshots. */
NbPerson  *_nb_store_get_model_person (NbStore     *self,
                                       gint64       person_id);

/* For tests: nb_store_open() with another list of migrations. */
NbStore   *_nb_store_open_with_migrations (const char             *path,
                                           const NbMigrationFunc  *migrations,
                                           guint                   n_migrations,
                                           GError                **error);

G_END_DECLS
