/* nb-json.c: writing the JSON export, and writing a parsed one into a
 * store (the format and the rules are in nb-json.h; parsing is in
 * nb-json-parse.c).
 *
 * An import goes through the store's own calls where they keep
 * everything (people, events, attendees, my profile), so validation,
 * search and change signals work as for anything else the user adds.
 * Timestamps are then set back to the export's, and entries are
 * inserted directly: the export may hold introductions whose other
 * person was deleted, which the store keeps but no longer lets anyone
 * add.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "nb-export-private.h"
#include "nb-json-private.h"

typedef struct
{
  NbJsonDocument     *document;
  GCancellable       *cancellable;
  NbJsonImportReport  report;
  GHashTable         *person_index;  /* document id (gint64*) → index + 1 */
  GHashTable         *event_index;
  GArray             *person_ids;    /* gint64: the new ids, by index */
  GArray             *event_ids;
} Import;

/* ---- Export ------------------------------------------------------------ */

static void
add_time (JsonBuilder *builder,
          const char  *key,
          gint64       unix_time)
{
  g_autofree char *text = _nb_json_format_time (unix_time);

  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

static void
add_ref (JsonBuilder *builder,
         const char  *key,
         gint64       id)
{
  json_builder_set_member_name (builder, key);
  if (id != 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_person (JsonBuilder *builder,
            NbPerson    *person)
{
  const char * const *tags = nb_person_get_tags (person);
  GBytes *photo = nb_person_get_photo (person);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, nb_person_get_id (person));
  for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
    add_string (builder, nb_person_field_get_key ((NbPersonField) f),
                nb_person_get_field (person, (NbPersonField) f));

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cadence_days");
  json_builder_add_int_value (builder, nb_person_get_cadence_days (person));
  json_builder_set_member_name (builder, "rapport");
  json_builder_add_int_value (builder, nb_person_get_rapport (person));
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, nb_person_get_archived (person));
  add_ref (builder, "introduced_by", nb_person_get_introduced_by (person));
  add_time (builder, "created", nb_person_get_created (person));
  add_time (builder, "updated", nb_person_get_updated (person));

  if (photo != NULL)
    {
      gsize size = 0;
      const guchar *bytes = g_bytes_get_data (photo, &size);
      g_autofree char *base64 = g_base64_encode (bytes, size);

      add_string (builder, "photo", base64);
    }

  json_builder_end_object (builder);
}

static void
add_entry (JsonBuilder *builder,
           NbEntry     *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, nb_entry_get_id (entry));
  json_builder_set_member_name (builder, "person_id");
  json_builder_add_int_value (builder, nb_entry_get_person_id (entry));
  add_ref (builder, "other_person_id", nb_entry_get_other_person_id (entry));
  add_ref (builder, "event_id", nb_entry_get_event_id (entry));
  add_string (builder, "kind", nb_entry_kind_to_string (nb_entry_get_kind (entry)));
  add_string (builder, "date", nb_entry_get_date (entry));
  add_string (builder, "due", nb_entry_get_due (entry));
  add_string (builder, "status", nb_status_to_string (nb_entry_get_status (entry)));
  add_string (builder, "text", nb_entry_get_text (entry));
  add_time (builder, "created", nb_entry_get_created (entry));
  add_time (builder, "updated", nb_entry_get_updated (entry));
  json_builder_end_object (builder);
}

static void
add_event (JsonBuilder  *builder,
           NbExportData *data,
           guint         index)
{
  NbEvent *event = g_ptr_array_index (data->events, index);
  GArray *attendees = _nb_export_data_get_attendees (data, nb_event_get_id (event));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, nb_event_get_id (event));
  add_string (builder, "name", nb_event_get_name (event));
  add_string (builder, "date", nb_event_get_date (event) != NULL ? nb_event_get_date (event) : "");
  add_string (builder, "place", nb_event_get_place (event) != NULL ? nb_event_get_place (event) : "");
  add_time (builder, "created", g_array_index (data->event_created, gint64, index));
  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    json_builder_add_int_value (builder, g_array_index (attendees, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

gboolean
_nb_json_export_data (NbExportData  *data,
                      GOutputStream *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", "netbook");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, NB_JSON_FORMAT_VERSION);
  add_time (builder, "exported", g_get_real_time () / G_USEC_PER_SEC);

  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  add_string (builder, "offers", data->offers);
  add_string (builder, "looking_for", data->looking_for);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->people->len; i++)
    add_person (builder, g_ptr_array_index (data->people, i));
  json_builder_end_array (builder);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->entries->len; i++)
    add_entry (builder, g_ptr_array_index (data->entries, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->events->len; i++)
    add_event (builder, data, i);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_stream (generator, stream, cancellable, error) &&
         _nb_export_write_all (stream, "\n", 1, cancellable, error);
}

gboolean
nb_json_export (NbStore        *store,
                GOutputStream  *stream,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(NbExportData) data = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = _nb_export_data_load (store, error);
  if (data == NULL)
    return FALSE;

  return _nb_json_export_data (data, stream, cancellable, error);
}

/* ---- Import ------------------------------------------------------------ */

static gboolean
query_exists (NbStore     *store,
              const char  *sql,
              gboolean    *out,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      _nb_store_set_error (store, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Runs @stmt (reset first) to its end. */
static gboolean
run (NbStore       *store,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _nb_store_set_error (store, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gint64
new_id (GHashTable *index,
        GArray     *ids,
        gint64      document_id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &document_id));

  return i > 0 ? g_array_index (ids, gint64, i - 1) : 0;
}

static gboolean
check_cancelled (Import   *import,
                 guint     i,
                 GError  **error)
{
  return i % 256 != 0 || !g_cancellable_set_error_if_cancelled (import->cancellable, error);
}

static gboolean
import_people (NbStore  *store,
               Import   *import,
               GError  **error)
{
  GArray *people = import->document->people;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < people->len; i++)
    {
      NbJsonPerson *person = &g_array_index (people, NbJsonPerson, i);
      gint64 id;

      if (!check_cancelled (import, i, error))
        return FALSE;

      id = nb_store_add_person (store, person->person, error);
      if (id == 0)
        {
          g_prefix_error (error, "people[%u]: ", i);
          return FALSE;
        }
      g_array_append_val (import->person_ids, id);
      g_hash_table_insert (import->person_index, &person->id, GUINT_TO_POINTER (i + 1));
    }

  /* Introductions may point forward: set them once everyone is in, and
   * the timestamps with them. */
  if (sqlite3_prepare_v2 (store->db,
                          "UPDATE people SET introduced_by = ?1, created = ?2, updated = ?3"
                          " WHERE id = ?4",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _nb_store_set_error (store, error, sqlite3_errcode (store->db));
      return FALSE;
    }

  for (guint i = 0; ok && i < people->len; i++)
    {
      NbJsonPerson *person = &g_array_index (people, NbJsonPerson, i);
      gint64 introduced_by = new_id (import->person_index, import->person_ids,
                                     person->introduced_by);

      if (introduced_by != 0)
        sqlite3_bind_int64 (stmt, 1, introduced_by);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, person->created);
      sqlite3_bind_int64 (stmt, 3, person->updated);
      sqlite3_bind_int64 (stmt, 4, g_array_index (import->person_ids, gint64, i));
      ok = run (store, stmt, error);
    }
  sqlite3_finalize (stmt);

  import->report.people_added = people->len;
  return ok;
}

static gboolean
import_events (NbStore  *store,
               Import   *import,
               GError  **error)
{
  GArray *events = import->document->events;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (store->db, "UPDATE events SET created = ?1 WHERE id = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _nb_store_set_error (store, error, sqlite3_errcode (store->db));
      return FALSE;
    }

  for (guint i = 0; ok && i < events->len; i++)
    {
      NbJsonEvent *event = &g_array_index (events, NbJsonEvent, i);
      gint64 id;

      ok = check_cancelled (import, i, error);
      if (!ok)
        break;

      id = nb_store_add_event (store, event->event, error);
      if (id == 0)
        {
          g_prefix_error (error, "events[%u]: ", i);
          ok = FALSE;
          break;
        }
      g_array_append_val (import->event_ids, id);
      g_hash_table_insert (import->event_index, &event->id, GUINT_TO_POINTER (i + 1));

      sqlite3_bind_int64 (stmt, 1, event->created);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = run (store, stmt, error);

      for (guint a = 0; ok && a < event->attendees->len; a++)
        ok = nb_store_add_attendee (store, id,
                                    new_id (import->person_index, import->person_ids,
                                            g_array_index (event->attendees, gint64, a)),
                                    error);
    }
  sqlite3_finalize (stmt);

  import->report.events_added = events->len;
  return ok;
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
import_entries (NbStore  *store,
                Import   *import,
                GError  **error)
{
  GArray *entries = import->document->entries;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (store->db,
                          "INSERT INTO entries (person_id, other_person_id, event_id, kind,"
                          " date, due, status, text, created, updated)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _nb_store_set_error (store, error, sqlite3_errcode (store->db));
      return FALSE;
    }

  for (guint i = 0; ok && i < entries->len; i++)
    {
      NbJsonEntry *item = &g_array_index (entries, NbJsonEntry, i);
      NbEntry *entry = item->entry;
      NbPendingChange change = { NB_PENDING_ENTRY, NB_CHANGE_ADDED, 0, 0, 0, 0, 0 };

      ok = check_cancelled (import, i, error);
      if (!ok)
        break;

      change.person_id = new_id (import->person_index, import->person_ids,
                                 nb_entry_get_person_id (entry));
      change.other_person_id = new_id (import->person_index, import->person_ids,
                                       nb_entry_get_other_person_id (entry));

      sqlite3_bind_int64 (stmt, 1, change.person_id);
      bind_optional (stmt, 2, change.other_person_id);
      bind_optional (stmt, 3, new_id (import->event_index, import->event_ids,
                                      nb_entry_get_event_id (entry)));
      sqlite3_bind_text (stmt, 4, nb_entry_kind_to_string (nb_entry_get_kind (entry)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, nb_entry_get_date (entry), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, nb_entry_get_due (entry), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, nb_status_to_string (nb_entry_get_status (entry)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, nb_entry_get_text (entry), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 9, item->created);
      sqlite3_bind_int64 (stmt, 10, item->updated);
      ok = run (store, stmt, error);
      if (!ok)
        {
          g_prefix_error (error, "entries[%u]: ", i);
          break;
        }

      change.id = sqlite3_last_insert_rowid (store->db);
      _nb_store_queue (store, &change);
    }
  sqlite3_finalize (stmt);

  import->report.entries_added = entries->len;
  return ok;
}

static gboolean
import_cb (NbStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Import *import = user_data;
  NbJsonDocument *document = import->document;
  gboolean not_empty = FALSE;

  if (!query_exists (store,
                     "SELECT EXISTS (SELECT 1 FROM people WHERE deleted = 0)"
                     " OR EXISTS (SELECT 1 FROM events)",
                     &not_empty, error))
    return FALSE;

  if (not_empty)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("“%s” already holds people or events. A Netbook JSON export is a whole notebook and goes into a new, empty one (for example netbook-cli --db NEW.db); to add people to this notebook, import them from vCard or CSV."),
                   nb_store_get_path (store));
      return FALSE;
    }

  if ((document->offers != NULL && *document->offers != '\0') ||
      (document->looking_for != NULL && *document->looking_for != '\0'))
    {
      if (!nb_store_set_profile (store, document->offers, document->looking_for, error))
        return FALSE;
    }

  return import_people (store, import, error) &&
         import_events (store, import, error) &&
         import_entries (store, import, error);
}

static gboolean
write_document (NbStore             *store,
                NbJsonDocument      *document,
                NbJsonImportReport  *report,
                GCancellable        *cancellable,
                GError             **error)
{
  Import import = { document, cancellable, { 0, 0, 0 }, NULL, NULL, NULL, NULL };
  gboolean ok;

  import.person_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  import.event_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  import.person_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), document->people->len);
  import.event_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), document->events->len);

  ok = nb_store_transaction (store, import_cb, &import, error);

  g_hash_table_unref (import.person_index);
  g_hash_table_unref (import.event_index);
  g_array_unref (import.person_ids);
  g_array_unref (import.event_ids);

  if (ok && report != NULL)
    *report = import.report;

  return ok;
}

gboolean
nb_json_import (NbStore             *store,
                GBytes              *data,
                NbJsonImportReport  *report,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(NbJsonDocument) document = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = _nb_json_parse (data, cancellable, error);
  if (document == NULL)
    return FALSE;

  return write_document (store, document, report, cancellable, error);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  NbJsonDocument *document = _nb_json_parse (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, (GDestroyNotify) _nb_json_document_free);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(NbJsonDocument) document = NULL;
  NbJsonImportReport report = { 0, 0, 0 };
  GError *error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL ||
      !write_document (g_task_get_source_object (task), document, &report,
                       g_task_get_cancellable (task), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_memdup2 (&report, sizeof report), g_free);
}

void
nb_json_import_async (NbStore             *store,
                      GBytes              *data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) parse = NULL;

  g_return_if_fail (NB_IS_STORE (store));
  g_return_if_fail (data != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_json_import_async);

  parse = g_task_new (NULL, cancellable, parsed_cb, g_steal_pointer (&task));
  g_task_set_source_tag (parse, parse_thread);
  g_task_set_task_data (parse, g_bytes_ref (data), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (parse, parse_thread);
}

gboolean
nb_json_import_finish (NbStore             *store,
                       GAsyncResult        *result,
                       NbJsonImportReport  *report,
                       GError             **error)
{
  g_autofree NbJsonImportReport *done = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, nb_json_import_async), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;

  if (report != NULL)
    *report = *done;
  return TRUE;
}
