/* bench-floor.c: the store's SQL, prepared and stepped through with
 * sqlite3 directly on a second connection to the same file: every row,
 * every column read, nothing built from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-floor.h"

static char *
card_columns (void)
{
  g_autoptr(GString) columns = g_string_new (NULL);

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      if (i > 0)
        g_string_append (columns, ", ");
      g_string_append (columns, nb_person_field_get_key ((NbPersonField) i));
    }

  return g_string_free (g_steal_pointer (&columns), FALSE);
}

gboolean
floor_prepare (Floor         *floor,
               sqlite3_stmt **stmt,
               const char    *sql_format,
               GError       **error)
{
  g_autoptr(GString) sql = g_string_new (sql_format);
  int rc;

  /* "%s" is the card's columns; "%" alone is SQL's modulo. */
  g_string_replace (sql, "%s", floor->columns, 1);

  rc = sqlite3_prepare_v3 (floor->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not prepare the floor's “%s”: %s",
                   sql->str, sqlite3_errmsg (floor->db));
      return FALSE;
    }

  return TRUE;
}

void
floor_close (Floor *floor)
{
  sqlite3_stmt *stmts[] = {
    floor->people_list, floor->people_tags, floor->people_summaries, floor->due_followups,
    floor->deleted_people, floor->search,
    floor->by_name, floor->person, floor->person_tags, floor->timeline, floor->helpers,
    floor->followups, floor->meetings, floor->goodwill, floor->going_cold, floor->recent,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    sqlite3_finalize (stmts[i]);
  sqlite3_close (floor->db);
  g_free (floor->columns);
  memset (floor, 0, sizeof *floor);
}

gboolean
floor_open (Floor       *floor,
            const char  *path,
            gboolean     prepare,
            GError     **error)
{
  memset (floor, 0, sizeof *floor);
  floor->columns = card_columns ();

  if (sqlite3_open_v2 (path, &floor->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not open %s: %s",
                   path, sqlite3_errmsg (floor->db));
      floor_close (floor);
      return FALSE;
    }

  /* The same page cache as the store's connection (nb-store.c). */
  sqlite3_exec (floor->db, "PRAGMA cache_size = " G_STRINGIFY (NB_STORE_CACHE_KIB_NEG), NULL, NULL, NULL);

  /* The SQL functions the store's statements call (nb_rank() ranks
   * search's cards): part of the SQL, so part of the floor. */
  if (_nb_db_register_functions (floor->db) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not add Netbook's SQL functions to %s: %s",
                   path, sqlite3_errmsg (floor->db));
      floor_close (floor);
      return FALSE;
    }

  if (!prepare)
    return TRUE;

  if (!floor_prepare (floor, &floor->people_list, SQL_PEOPLE_LIST, error) ||
      !floor_prepare (floor, &floor->people_tags, SQL_PEOPLE_TAGS, error) ||
      !floor_prepare (floor, &floor->people_summaries, SQL_PEOPLE_SUMMARIES, error) ||
      !floor_prepare (floor, &floor->due_followups, SQL_DUE_FOLLOWUPS, error) ||
      !floor_prepare (floor, &floor->deleted_people, SQL_DELETED_PEOPLE, error) ||
      !floor_prepare (floor, &floor->search, SQL_SEARCH, error) ||
      !floor_prepare (floor, &floor->by_name, SQL_BY_NAME, error) ||
      !floor_prepare (floor, &floor->person, SQL_PERSON, error) ||
      !floor_prepare (floor, &floor->person_tags, SQL_PERSON_TAGS, error) ||
      !floor_prepare (floor, &floor->timeline, SQL_TIMELINE, error) ||
      !floor_prepare (floor, &floor->helpers, SQL_HELPERS, error) ||
      !floor_prepare (floor, &floor->followups, SQL_FOLLOWUPS, error) ||
      !floor_prepare (floor, &floor->meetings, SQL_MEETINGS, error) ||
      !floor_prepare (floor, &floor->goodwill, SQL_GOODWILL, error) ||
      !floor_prepare (floor, &floor->going_cold, SQL_GOING_COLD, error) ||
      !floor_prepare (floor, &floor->recent, SQL_RECENT, error))
    {
      floor_close (floor);
      return FALSE;
    }

  return TRUE;
}

/* Steps @stmt to the end (or @max rows), reading every column as its
 * type; returns the rows. The ids of column 0 go to @ids if not NULL. */
guint
floor_run (sqlite3_stmt *stmt,
           guint         max,
           GArray       *ids)
{
  int n_columns = sqlite3_column_count (stmt);
  guint rows = 0;
  gsize sink = 0;

  while ((max == 0 || rows < max) && sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < n_columns; c++)
        {
          switch (sqlite3_column_type (stmt, c))
            {
            case SQLITE_INTEGER:
              sink += (gsize) sqlite3_column_int64 (stmt, c);
              break;
            case SQLITE_FLOAT:
              sink += (gsize) sqlite3_column_double (stmt, c);
              break;
            case SQLITE_TEXT:
              sink += (gsize) sqlite3_column_bytes (stmt, c);
              sink += (gsize) *sqlite3_column_text (stmt, c);
              break;
            case SQLITE_NULL:
            default:
              break;
            }
        }

      if (ids != NULL)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      rows++;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  /* Keep the reads from being optimised away. */
  if (sink == 1)
    g_printerr (" ");

  return rows;
}

/* The card and tags of one person, as _nb_store_load_person() reads
 * them (its summary and trust read the timeline: not in this floor). */
void
floor_person (Floor  *floor,
              gint64  person_id)
{
  sqlite3_bind_int64 (floor->person, 1, person_id);
  floor_run (floor->person, 0, NULL);
  sqlite3_bind_int64 (floor->person_tags, 1, person_id);
  floor_run (floor->person_tags, 0, NULL);
}

guint
floor_timeline (Floor  *floor,
                gint64  person_id)
{
  sqlite3_bind_int64 (floor->timeline, 1, person_id);
  return floor_run (floor->timeline, 0, NULL);
}

