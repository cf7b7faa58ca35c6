/* nb-json.c: writing a parsed JSON export into a store (the format and
 * the rules are in nb-json.h; the export is written by nb-json-export.c,
 * parsed by nb-json-parse.c).
 *
 * An import goes through the store's own calls where they keep
 * everything (people, events, attendees, my profile), so validation,
 * search and change signals work as for anything else the user adds.
 * Timestamps are then set back to the export's, and entries are
 * inserted directly, many per statement: the export may hold
 * introductions whose other person was deleted, which the store keeps
 * but no longer lets anyone add, and a large import is much faster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-json-private.h"
#include "nb-store-private.h"

/* Rows per INSERT of entries (11 parameters each). */
#define ENTRY_BATCH 64

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

static gboolean
query_int64 (NbStore     *store,
             const char  *sql,
             gint64      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
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

/* "INSERT INTO entries … VALUES (…), (…)" for @rows rows. */
static sqlite3_stmt *
prepare_entry_insert (NbStore  *store,
                      guint     rows,
                      GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO entries (id, person_id, other_person_id,"
                                         " event_id, kind, date, due, status, text, created,"
                                         " updated) VALUES ");
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < rows; i++)
    g_string_append (sql, i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                 : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  rc = sqlite3_prepare_v2 (store->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _nb_store_set_error (store, error, rc);
      return NULL;
    }

  return stmt;
}

/* Entries go in ENTRY_BATCH rows per statement: the search index (FTS5)
 * writes out what it collected at the end of every statement, which row
 * by row made a large import crawl. Ids are given explicitly, after the
 * largest in use, so that each row's is known for its change signal. */
static gboolean
import_entries (NbStore  *store,
                Import   *import,
                GError  **error)
{
  GArray *entries = import->document->entries;
  sqlite3_stmt *batch = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  gint64 next_id = 0;

  if (!query_int64 (store, "SELECT coalesce (max (id), 0) + 1 FROM entries", &next_id, error))
    return FALSE;

  for (guint start = 0; ok && start < entries->len; start += ENTRY_BATCH)
    {
      guint rows = MIN (ENTRY_BATCH, entries->len - start);
      int param = 1;

      ok = check_cancelled (import, start / ENTRY_BATCH, error);
      if (!ok)
        break;

      if (rows == ENTRY_BATCH)
        {
          if (batch == NULL)
            batch = prepare_entry_insert (store, rows, error);
          stmt = batch;
        }
      else
        {
          stmt = prepare_entry_insert (store, rows, error);
        }
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }

      for (guint i = start; i < start + rows; i++)
        {
          NbJsonEntry *item = &g_array_index (entries, NbJsonEntry, i);
          NbEntry *entry = item->entry;

          sqlite3_bind_int64 (stmt, param++, next_id + i);
          sqlite3_bind_int64 (stmt, param++, new_id (import->person_index, import->person_ids,
                                                     nb_entry_get_person_id (entry)));
          bind_optional (stmt, param++, new_id (import->person_index, import->person_ids,
                                                nb_entry_get_other_person_id (entry)));
          bind_optional (stmt, param++, new_id (import->event_index, import->event_ids,
                                                nb_entry_get_event_id (entry)));
          sqlite3_bind_text (stmt, param++, nb_entry_kind_to_string (nb_entry_get_kind (entry)), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, param++, nb_entry_get_date (entry), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, param++, nb_entry_get_due (entry), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, param++, nb_status_to_string (nb_entry_get_status (entry)), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, param++, nb_entry_get_text (entry), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, param++, item->created);
          sqlite3_bind_int64 (stmt, param++, item->updated);
        }

      ok = run (store, stmt, error);
      sqlite3_clear_bindings (stmt);
      if (stmt != batch)
        sqlite3_finalize (stmt);
      if (!ok)
        {
          g_prefix_error (error, "entries[%u…%u]: ", start, start + rows - 1);
          break;
        }

      for (guint i = start; i < start + rows; i++)
        {
          NbEntry *entry = g_array_index (entries, NbJsonEntry, i).entry;
          NbPendingChange change = {
            NB_PENDING_ENTRY, NB_CHANGE_ADDED, next_id + i,
            new_id (import->person_index, import->person_ids, nb_entry_get_person_id (entry)),
            new_id (import->person_index, import->person_ids, nb_entry_get_other_person_id (entry)),
            0, 0,
          };

          _nb_store_queue (store, &change);
        }
    }
  sqlite3_finalize (batch);

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
  gint64 not_empty = 0;

  if (!query_int64 (store,
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
