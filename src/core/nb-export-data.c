/* nb-export-data.c: the snapshot every export is written from.
 *
 * The rows are read with plain queries on the connection (not the
 * store's persistent statements), so the same code serves the caller's
 * store and a worker thread's own read-only connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-export-private.h"

typedef gboolean (*RowFunc) (NbExportData *data,
                             sqlite3_stmt *stmt);

static void
free_array (gpointer array)
{
  g_array_unref (array);
}

static NbExportData *
data_new (void)
{
  NbExportData *data = g_new0 (NbExportData, 1);

  data->people = g_ptr_array_new_with_free_func (g_object_unref);
  data->people_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  data->entries = g_ptr_array_new_with_free_func (g_object_unref);
  data->events = g_ptr_array_new_with_free_func (g_object_unref);
  data->events_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  data->event_created = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->attendees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_array);
  data->timelines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  data->offers = g_strdup ("");
  data->looking_for = g_strdup ("");

  return data;
}

void
_nb_export_data_free (NbExportData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->timelines, g_hash_table_unref);
  g_clear_pointer (&data->attendees, g_hash_table_unref);
  g_clear_pointer (&data->event_created, g_array_unref);
  g_clear_pointer (&data->events_by_id, g_hash_table_unref);
  g_clear_pointer (&data->events, g_ptr_array_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->people_by_id, g_hash_table_unref);
  g_clear_pointer (&data->people, g_ptr_array_unref);
  g_free (data->offers);
  g_free (data->looking_for);
  g_free (data);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? text : "";
}

/* Runs @sql, calling @func for each row. */
static gboolean
each_row (sqlite3       *db,
          const char    *path,
          const char    *sql,
          NbExportData  *data,
          RowFunc        func,
          GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (data, stmt))
        {
          rc = SQLITE_CORRUPT;
          break;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _nb_db_set_error (error, db, rc, path, FALSE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
person_row (NbExportData *data,
            sqlite3_stmt *stmt)
{
  NbPerson *person = nb_person_new (NULL);
  int tail = 1 + NB_PERSON_N_FIELDS;
  gint64 *key = g_new (gint64, 1);
  const char *values[NB_PERSON_N_FIELDS];

  nb_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    values[i] = column_text (stmt, 1 + (int) i);
  nb_person_set_fields (person, values);
  nb_person_set_cadence_days (person, (guint) MAX (sqlite3_column_int (stmt, tail), 0));
  nb_person_set_rapport (person, (guint) CLAMP (sqlite3_column_int (stmt, tail + 1), 0, 5));
  nb_person_set_archived (person, sqlite3_column_int (stmt, tail + 2) != 0);
  nb_person_set_introduced_by (person, sqlite3_column_int64 (stmt, tail + 3));
  nb_person_set_timestamps (person,
                            sqlite3_column_int64 (stmt, tail + 4),
                            sqlite3_column_int64 (stmt, tail + 5));

  /* The key lives as long as the person, which @data->people owns. */
  *key = nb_person_get_id (person);
  g_object_set_data_full (G_OBJECT (person), "nb-export-id", key, g_free);
  g_ptr_array_add (data->people, person);
  g_hash_table_insert (data->people_by_id, key, person);

  return TRUE;
}

static gboolean
tag_row (NbExportData *data,
         sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  NbPerson *person = g_hash_table_lookup (data->people_by_id, &id);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;

  if (person == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) nb_person_get_tags (person));
  g_strv_builder_add (builder, column_text (stmt, 1));
  tags = g_strv_builder_end (builder);
  nb_person_set_tags (person, (const char * const *) tags);

  return TRUE;
}

static gboolean
photo_row (NbExportData *data,
           sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  NbPerson *person = g_hash_table_lookup (data->people_by_id, &id);
  const void *blob = sqlite3_column_blob (stmt, 1);
  int size = sqlite3_column_bytes (stmt, 1);

  if (person != NULL && blob != NULL && size > 0)
    {
      g_autoptr(GBytes) photo = g_bytes_new (blob, (gsize) size);

      nb_person_set_photo (person, photo);
    }

  return TRUE;
}

/* Drops references to people the snapshot does not hold (deleted, still
 * undoable): what purging them would do. */
static gint64
known_person (NbExportData *data,
              gint64        person_id)
{
  return person_id != 0 && g_hash_table_contains (data->people_by_id, &person_id) ? person_id : 0;
}

static gboolean
entry_row (NbExportData *data,
           sqlite3_stmt *stmt)
{
  NbEntry *entry = _nb_store_entry_from_row (stmt, 0);

  nb_entry_set_other_person_id (entry, known_person (data, nb_entry_get_other_person_id (entry)));
  g_ptr_array_add (data->entries, entry);

  return TRUE;
}

static gboolean
event_row (NbExportData *data,
           sqlite3_stmt *stmt)
{
  NbEvent *event = nb_event_new (column_text (stmt, 1), column_text (stmt, 2),
                                 column_text (stmt, 3));
  gint64 created = sqlite3_column_int64 (stmt, 4);
  gint64 *key = g_new (gint64, 1);

  nb_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  *key = nb_event_get_id (event);
  g_object_set_data_full (G_OBJECT (event), "nb-export-id", key, g_free);
  g_ptr_array_add (data->events, event);
  g_array_append_val (data->event_created, created);
  g_hash_table_insert (data->events_by_id, key, event);

  return TRUE;
}

static gboolean
attendee_row (NbExportData *data,
              sqlite3_stmt *stmt)
{
  gint64 event_id = sqlite3_column_int64 (stmt, 0);
  gint64 person_id = sqlite3_column_int64 (stmt, 1);
  GArray *ids = g_hash_table_lookup (data->attendees, &event_id);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (data->attendees, g_memdup2 (&event_id, sizeof event_id), ids);
    }
  g_array_append_val (ids, person_id);

  return TRUE;
}

static gboolean
profile_row (NbExportData *data,
             sqlite3_stmt *stmt)
{
  g_free (data->offers);
  g_free (data->looking_for);
  data->offers = g_strdup (column_text (stmt, 0));
  data->looking_for = g_strdup (column_text (stmt, 1));

  return TRUE;
}

static NbExportData *
load (sqlite3     *db,
      const char  *path,
      GError     **error)
{
  g_autoptr(NbExportData) data = data_new ();
  g_autoptr(GString) sql = g_string_new ("SELECT id");

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    g_string_append_printf (sql, ", %s", nb_person_field_get_key ((NbPersonField) i));
  g_string_append (sql, ", cadence_days, rapport, archived, introduced_by, created, updated"
                        " FROM people WHERE deleted = 0 ORDER BY id");

  if (!each_row (db, path, sql->str, data, person_row, error) ||
      !each_row (db, path,
                 "SELECT t.person_id, t.tag FROM tags t"
                 " JOIN people p ON p.id = t.person_id AND p.deleted = 0"
                 " ORDER BY t.person_id, t.tag",
                 data, tag_row, error) ||
      !each_row (db, path,
                 "SELECT id, photo FROM people WHERE deleted = 0 AND photo IS NOT NULL",
                 data, photo_row, error) ||
      !each_row (db, path,
                 "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e"
                 " JOIN people p ON p.id = e.person_id AND p.deleted = 0"
                 " WHERE e.deleted = 0 ORDER BY e.id",
                 data, entry_row, error) ||
      !each_row (db, path,
                 "SELECT id, name, date, place, created FROM events ORDER BY id",
                 data, event_row, error) ||
      !each_row (db, path,
                 "SELECT a.event_id, a.person_id FROM event_people a"
                 " JOIN people p ON p.id = a.person_id AND p.deleted = 0"
                 " ORDER BY a.event_id, a.person_id",
                 data, attendee_row, error) ||
      !each_row (db, path, "SELECT offers, looking_for FROM profile WHERE id = 1",
                 data, profile_row, error))
    return NULL;

  /* People introduced by someone deleted: as after the purge. */
  for (guint i = 0; i < data->people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (data->people, i);

      nb_person_set_introduced_by (person,
                                   known_person (data, nb_person_get_introduced_by (person)));
    }

  return g_steal_pointer (&data);
}

NbExportData *
_nb_export_data_load (NbStore  *store,
                      GError  **error)
{
  NbExportData *data;

  if (!_nb_store_begin (store, FALSE, error))
    return NULL;

  data = load (store->db, store->path, error);
  if (data == NULL)
    {
      _nb_store_rollback (store);
      return NULL;
    }

  if (!_nb_store_commit (store, error))
    {
      _nb_export_data_free (data);
      return NULL;
    }

  return data;
}

sqlite3 *
_nb_export_open_reader (const char  *path,
                        GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, NB_STORE_BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK)
    rc = _nb_db_register_functions (db);

  if (rc != SQLITE_OK)
    {
      _nb_db_set_error (error, db, rc, path, FALSE);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

NbExportData *
_nb_export_data_load_path (const char  *path,
                           GError     **error)
{
  NbExportData *data = NULL;
  sqlite3 *db;

  db = _nb_export_open_reader (path, error);
  if (db == NULL)
    return NULL;

  /* One read transaction: a consistent snapshot while others write. */
  if (_nb_db_exec (db, path, "BEGIN", error))
    {
      data = load (db, path, error);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }

  sqlite3_close (db);
  return data;
}

NbPerson *
_nb_export_data_get_person (NbExportData *data,
                            gint64        person_id)
{
  return g_hash_table_lookup (data->people_by_id, &person_id);
}

NbEvent *
_nb_export_data_get_event (NbExportData *data,
                           gint64        event_id)
{
  return g_hash_table_lookup (data->events_by_id, &event_id);
}

GArray *
_nb_export_data_get_attendees (NbExportData *data,
                               gint64        event_id)
{
  return g_hash_table_lookup (data->attendees, &event_id);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  NbEntry *ea = *(NbEntry **) a;
  NbEntry *eb = *(NbEntry **) b;
  int cmp = g_strcmp0 (nb_entry_get_date (eb), nb_entry_get_date (ea));
  gint64 ia;
  gint64 ib;

  if (cmp != 0)
    return cmp;

  ia = nb_entry_get_id (ea);
  ib = nb_entry_get_id (eb);
  return ib < ia ? -1 : ib > ia;
}

static GPtrArray *
ensure_timeline (NbExportData *data,
                 gint64        person_id)
{
  GPtrArray *timeline = g_hash_table_lookup (data->timelines, &person_id);

  if (timeline == NULL)
    {
      timeline = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (data->timelines, g_memdup2 (&person_id, sizeof person_id), timeline);
    }

  return timeline;
}

GPtrArray *
_nb_export_data_get_timeline (NbExportData *data,
                              gint64        person_id)
{
  GPtrArray *timeline;

  /* Built for everyone at the first call: one pass over the entries. */
  if (!data->timelines_built)
    {
      data->timelines_built = TRUE;
      for (guint i = 0; i < data->entries->len; i++)
        {
          NbEntry *entry = g_ptr_array_index (data->entries, i);
          gint64 other = nb_entry_get_other_person_id (entry);

          g_ptr_array_add (ensure_timeline (data, nb_entry_get_person_id (entry)),
                           g_object_ref (entry));
          if (other != 0)
            g_ptr_array_add (ensure_timeline (data, other), g_object_ref (entry));
        }

      {
        GHashTableIter iter;
        gpointer value;

        g_hash_table_iter_init (&iter, data->timelines);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          g_ptr_array_sort (value, compare_newest_first);
      }
    }

  timeline = g_hash_table_lookup (data->timelines, &person_id);
  if (timeline == NULL)
    timeline = ensure_timeline (data, person_id);

  return timeline;
}

GPtrArray *
_nb_export_data_select (NbExportData  *data,
                        const gint64  *person_ids,
                        guint          n_person_ids,
                        GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  if (person_ids == NULL)
    {
      for (guint i = 0; i < data->people->len; i++)
        g_ptr_array_add (people, g_ptr_array_index (data->people, i));
      return g_steal_pointer (&people);
    }

  for (guint i = 0; i < n_person_ids; i++)
    {
      NbPerson *person = _nb_export_data_get_person (data, person_ids[i]);

      if (person == NULL)
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                       _("There is no person number %" G_GINT64_FORMAT "."), person_ids[i]);
          return NULL;
        }
      if (!g_ptr_array_find (people, person, NULL))
        g_ptr_array_add (people, person);
    }

  return g_steal_pointer (&people);
}

gboolean
_nb_export_write_all (GOutputStream  *stream,
                      const char     *data,
                      gsize           size,
                      GCancellable   *cancellable,
                      GError        **error)
{
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}
