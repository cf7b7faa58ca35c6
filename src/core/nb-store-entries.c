/* nb-store-entries.c: timeline entries, follow-ups and the agenda.
 *
 * An entry is shown on its person's timeline and, for introductions, on
 * the other person's too. Entries of a deleted person are hidden with
 * them (joined on people.deleted), not flagged themselves, so that
 * undeleting the person brings back exactly what was there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-store-private.h"

NbEntry *
_nb_store_entry_from_row (sqlite3_stmt *stmt,
                          int           col)
{
  NbEntryKind kind = NB_ENTRY_NOTE;
  NbStatus status = NB_STATUS_NONE;
  NbEntry *entry;

  /* The schema's CHECKs keep both valid; a row written by something else
   * falls back to a plain note rather than crashing. */
  if (!nb_entry_kind_from_string (_nb_column_text (stmt, col + 4), &kind))
    kind = NB_ENTRY_NOTE;
  if (!nb_status_from_string (_nb_column_text (stmt, col + 7), &status) ||
      !nb_entry_kind_accepts_status (kind, status))
    status = nb_entry_kind_has_status (kind) ? NB_STATUS_OPEN : NB_STATUS_NONE;

  entry = nb_entry_new (kind, sqlite3_column_int64 (stmt, col + 1),
                        _nb_column_text (stmt, col + 5),
                        _nb_column_text (stmt, col + 8));
  nb_entry_set_id (entry, sqlite3_column_int64 (stmt, col));
  nb_entry_set_other_person_id (entry, sqlite3_column_int64 (stmt, col + 2));
  nb_entry_set_event_id (entry, sqlite3_column_int64 (stmt, col + 3));
  nb_entry_set_due (entry, _nb_column_text (stmt, col + 6));
  nb_entry_set_status (entry, status);
  nb_entry_set_timestamps (entry,
                           sqlite3_column_int64 (stmt, col + 9),
                           sqlite3_column_int64 (stmt, col + 10));

  return entry;
}

GPtrArray *
_nb_store_list_entries_from (NbStore       *self,
                             sqlite3_stmt  *stmt,
                             GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (entries, _nb_store_entry_from_row (stmt, 0));

  if (rc == -1)
    return NULL;

  return g_steal_pointer (&entries);
}

gboolean
_nb_store_entries_equal (NbEntry *a,
                         NbEntry *b)
{
  return nb_entry_get_id (a) == nb_entry_get_id (b) &&
         nb_entry_get_person_id (a) == nb_entry_get_person_id (b) &&
         nb_entry_get_other_person_id (a) == nb_entry_get_other_person_id (b) &&
         nb_entry_get_event_id (a) == nb_entry_get_event_id (b) &&
         nb_entry_get_kind (a) == nb_entry_get_kind (b) &&
         nb_entry_get_status (a) == nb_entry_get_status (b) &&
         nb_entry_get_updated (a) == nb_entry_get_updated (b) &&
         g_str_equal (nb_entry_get_date (a), nb_entry_get_date (b)) &&
         g_str_equal (nb_entry_get_due (a), nb_entry_get_due (b)) &&
         g_str_equal (nb_entry_get_text (a), nb_entry_get_text (b));
}

static void
set_entry_not_found (GError **error,
                     gint64   entry_id)
{
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
               _("There is no entry number %" G_GINT64_FORMAT "."), entry_id);
}

static gboolean
check_status (NbEntryKind   kind,
              NbStatus      status,
              GError      **error)
{
  if ((int) status < 0 || status >= NB_N_STATUSES)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("Unknown status %d."), (int) status);
      return FALSE;
    }

  if (nb_entry_kind_accepts_status (kind, status))
    return TRUE;

  if (status == NB_STATUS_NONE)
    g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                 /* Translators: %s is a kind of entry: "Follow-up" */
                 _("%s needs a status."), nb_entry_kind_get_label (kind));
  else if (!nb_entry_kind_has_status (kind))
    g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                 /* Translators: "Note has no status, so it cannot be “Done”." */
                 _("%s has no status, so it cannot be “%s”."),
                 nb_entry_kind_get_label (kind), nb_status_get_label (status));
  else
    g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                 /* Translators: "Follow-up cannot be “Achieved”." */
                 _("%s cannot be “%s”."),
                 nb_entry_kind_get_label (kind), nb_status_get_label (status));
  return FALSE;
}

/* What can be checked without the database. */
static gboolean
validate_entry (NbEntry  *entry,
                GError  **error)
{
  NbEntryKind kind = nb_entry_get_kind (entry);
  const char *due = nb_entry_get_due (entry);

  if ((int) kind < 0 || kind >= NB_N_ENTRY_KINDS)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("Unknown kind of entry %d."), (int) kind);
      return FALSE;
    }

  if (!check_status (kind, nb_entry_get_status (entry), error))
    return FALSE;

  if (!nb_date_parse_iso (nb_entry_get_date (entry), NULL, error))
    return FALSE;

  if (kind == NB_ENTRY_FOLLOW_UP && *due == '\0')
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("A follow-up needs a due date."));
      return FALSE;
    }

  if (!_nb_store_check_optional_date (due, error))
    return FALSE;

  if (kind == NB_ENTRY_INTRODUCTION && nb_entry_get_other_person_id (entry) == 0)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("An introduction needs the person they were introduced to."));
      return FALSE;
    }

  if (nb_entry_get_other_person_id (entry) != 0 &&
      nb_entry_get_other_person_id (entry) == nb_entry_get_person_id (entry))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("Nobody can be introduced to themselves."));
      return FALSE;
    }

  return _nb_store_check_utf8 (nb_entry_get_text (entry), _("The text"), error);
}

/* What needs the database: every row it points to exists. */
static gboolean
check_references (NbStore  *self,
                  NbEntry  *entry,
                  GError  **error)
{
  gint64 event_id = nb_entry_get_event_id (entry);

  if (!_nb_store_person_exists (self, nb_entry_get_person_id (entry), error))
    return FALSE;

  if (nb_entry_get_other_person_id (entry) != 0 &&
      !_nb_store_person_exists (self, nb_entry_get_other_person_id (entry), error))
    return FALSE;

  if (event_id != 0)
    {
      g_autoptr(NbEvent) event = nb_store_get_event (self, event_id, error);

      if (event == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           index,
                  gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
queue_entry (NbStore  *self,
             NbEntry  *entry,
             NbEntry  *old,
             NbChange  change)
{
  NbPendingChange c = {
    NB_PENDING_ENTRY, change, nb_entry_get_id (entry),
    nb_entry_get_person_id (entry), nb_entry_get_other_person_id (entry),
    old != NULL ? nb_entry_get_person_id (old) : 0,
    old != NULL ? nb_entry_get_other_person_id (old) : 0,
  };

  _nb_store_queue (self, &c);
}

/* The entry even if deleted (but never of a deleted person unless
 * @any). */
static NbEntry *
load_entry (NbStore   *self,
            gint64     entry_id,
            gboolean   any,
            GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  NbStmtId id = any ? NB_STMT_ENTRY_GET_ANY : NB_STMT_ENTRY_GET;
  int rc;

  stmt = _nb_store_prepare (self, id,
                            any ? "SELECT " NB_STORE_ENTRY_COLUMNS ", e.deleted FROM entries e WHERE e.id = ?"
                                : "SELECT " NB_STORE_ENTRY_COLUMNS ", e.deleted FROM entries e"
                                  " JOIN people p ON p.id = e.person_id"
                                  " WHERE e.id = ? AND e.deleted = 0 AND p.deleted = 0",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = _nb_store_step (self, stmt, error);
  if (rc == -1)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      set_entry_not_found (error, entry_id);
      return NULL;
    }

  return _nb_store_entry_from_row (stmt, 0);
}

/* Binds the 10 columns of an entry after its id, from parameter @i. */
static void
bind_new_entry (sqlite3_stmt *stmt,
                int           i,
                NbEntry      *entry,
                gint64        now)
{
  sqlite3_bind_int64 (stmt, i, nb_entry_get_person_id (entry));
  bind_optional_id (stmt, i + 1, nb_entry_get_other_person_id (entry));
  bind_optional_id (stmt, i + 2, nb_entry_get_event_id (entry));
  sqlite3_bind_text (stmt, i + 3, nb_entry_kind_to_string (nb_entry_get_kind (entry)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i + 4, nb_entry_get_date (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i + 5, nb_entry_get_due (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i + 6, nb_status_to_string (nb_entry_get_status (entry)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i + 7, nb_entry_get_text (entry), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, i + 8, now);
  sqlite3_bind_int64 (stmt, i + 9, now);
}

gint64
nb_store_add_entry (NbStore  *self,
                    NbEntry  *entry,
                    GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  gint64 now = _nb_store_now ();
  gint64 id;

  g_return_val_if_fail (NB_IS_STORE (self), 0);
  g_return_val_if_fail (NB_IS_ENTRY (entry), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!validate_entry (entry, error))
    return 0;

  if (!_nb_store_begin (self, TRUE, error))
    return 0;

  if (!check_references (self, entry, error))
    goto failed;

  stmt = _nb_store_prepare (self, NB_STMT_ENTRY_INSERT,
                            "INSERT INTO entries (person_id, other_person_id, event_id, kind,"
                            " date, due, status, text, created, updated)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;

  bind_new_entry (stmt, 1, entry, now);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  nb_entry_set_id (entry, id);
  queue_entry (self, entry, NULL, NB_CHANGE_ADDED);

  if (!_nb_store_commit (self, error))
    {
      nb_entry_set_id (entry, 0);
      return 0;
    }

  nb_entry_set_timestamps (entry, now, now);
  return id;

failed:
  _nb_store_rollback (self);
  return 0;
}

/* "INSERT INTO entries … VALUES (…), (…)" for @rows rows, ids given. */
static char *
build_insert_rows_sql (guint rows)
{
  GString *sql = g_string_new ("INSERT INTO entries (id, person_id, other_person_id, event_id,"
                               " kind, date, due, status, text, created, updated) VALUES ");

  for (guint i = 0; i < rows; i++)
    g_string_append (sql, i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                 : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  return g_string_free (sql, FALSE);
}

/* Inserts @rows entries of @entries from @start, with ids from
 * @first_id, in one statement. */
static gboolean
insert_entry_rows (NbStore    *self,
                   GPtrArray  *entries,
                   guint       start,
                   guint       rows,
                   gint64      first_id,
                   gint64      now,
                   GError    **error)
{
  g_autoptr(NbStmt) batch = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (rows == NB_STORE_ENTRY_BATCH)
    {
      if (self->stmts[NB_STMT_ENTRY_INSERT_MANY] == NULL)
        sql = build_insert_rows_sql (rows);
      stmt = batch = _nb_store_prepare (self, NB_STMT_ENTRY_INSERT_MANY, sql, error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      sql = build_insert_rows_sql (rows);
      rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _nb_store_set_error (self, error, rc);
          return FALSE;
        }
    }

  for (guint i = 0; i < rows; i++)
    {
      sqlite3_bind_int64 (stmt, (int) (11 * i + 1), first_id + i);
      bind_new_entry (stmt, (int) (11 * i + 2), g_ptr_array_index (entries, start + i), now);
    }

  ok = _nb_store_step_done (self, stmt, error);
  if (batch == NULL)
    sqlite3_finalize (stmt);

  return ok;
}

gboolean
_nb_store_add_entries (NbStore    *self,
                       GPtrArray  *entries,
                       GError    **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 now = _nb_store_now ();
  gint64 first_id = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      if (!validate_entry (g_ptr_array_index (entries, i), error))
        return FALSE;
    }

  if (entries->len == 0)
    return TRUE;

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  /* check_references(), once per person and event. */
  for (guint i = 0; i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);
      gint64 ids[] = { nb_entry_get_person_id (entry), nb_entry_get_other_person_id (entry) };
      gint64 event_id = nb_entry_get_event_id (entry);

      for (guint j = 0; j < G_N_ELEMENTS (ids); j++)
        {
          if (ids[j] == 0 || g_hash_table_contains (people, &ids[j]))
            continue;
          if (!_nb_store_person_exists (self, ids[j], error))
            goto failed;
          g_hash_table_add (people, g_memdup2 (&ids[j], sizeof ids[j]));
        }

      if (event_id != 0 && !g_hash_table_contains (events, &event_id))
        {
          g_autoptr(NbEvent) event = nb_store_get_event (self, event_id, error);

          if (event == NULL)
            goto failed;
          g_hash_table_add (events, g_memdup2 (&event_id, sizeof event_id));
        }
    }

  /* The ids SQLite would choose (the highest plus one), given, so that
   * each row of a statement knows its own. */
  {
    g_autoptr(NbStmt) stmt = _nb_store_prepare (self, NB_STMT_ENTRIES_NEXT_ID,
                                                "SELECT coalesce (max (id), 0) + 1 FROM entries",
                                                error);

    if (stmt == NULL || _nb_store_step (self, stmt, error) != SQLITE_ROW)
      goto failed;
    first_id = sqlite3_column_int64 (stmt, 0);
  }

  for (guint done = 0; done < entries->len; )
    {
      guint rows = MIN (NB_STORE_ENTRY_BATCH, entries->len - done);

      if (!insert_entry_rows (self, entries, done, rows, first_id + done, now, error))
        goto failed;
      done += rows;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);

      nb_entry_set_id (entry, first_id + i);
      queue_entry (self, entry, NULL, NB_CHANGE_ADDED);
    }

  if (!_nb_store_commit (self, error))
    goto cleared;

  for (guint i = 0; i < entries->len; i++)
    nb_entry_set_timestamps (g_ptr_array_index (entries, i), now, now);
  return TRUE;

failed:
  _nb_store_rollback (self);
cleared:
  for (guint i = 0; i < entries->len; i++)
    nb_entry_set_id (g_ptr_array_index (entries, i), 0);
  return FALSE;
}

gboolean
nb_store_update_entry (NbStore  *self,
                       NbEntry  *entry,
                       GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(NbEntry) old = NULL;
  gint64 now = _nb_store_now ();

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (NB_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_entry (entry, error))
    return FALSE;

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  old = load_entry (self, nb_entry_get_id (entry), FALSE, error);
  if (old == NULL || !check_references (self, entry, error))
    goto failed;

  stmt = _nb_store_prepare (self, NB_STMT_ENTRY_UPDATE,
                            "UPDATE entries SET person_id = ?, other_person_id = ?, event_id = ?,"
                            " kind = ?, date = ?, due = ?, status = ?, text = ?, updated = ?"
                            " WHERE id = ? AND deleted = 0",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, nb_entry_get_person_id (entry));
  bind_optional_id (stmt, 2, nb_entry_get_other_person_id (entry));
  bind_optional_id (stmt, 3, nb_entry_get_event_id (entry));
  sqlite3_bind_text (stmt, 4, nb_entry_kind_to_string (nb_entry_get_kind (entry)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, nb_entry_get_date (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, nb_entry_get_due (entry), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, nb_status_to_string (nb_entry_get_status (entry)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, nb_entry_get_text (entry), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, now);
  sqlite3_bind_int64 (stmt, 10, nb_entry_get_id (entry));
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  queue_entry (self, entry, old, NB_CHANGE_UPDATED);

  if (!_nb_store_commit (self, error))
    return FALSE;

  nb_entry_set_timestamps (entry, nb_entry_get_created (old), now);
  return TRUE;

failed:
  _nb_store_rollback (self);
  return FALSE;
}

NbEntry *
nb_store_get_entry (NbStore  *self,
                    gint64    entry_id,
                    GError  **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_entry (self, entry_id, FALSE, error);
}

gboolean
nb_store_set_entry_status (NbStore   *self,
                           gint64     entry_id,
                           NbStatus   status,
                           GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(NbEntry) entry = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  entry = load_entry (self, entry_id, FALSE, error);
  if (entry == NULL || !check_status (nb_entry_get_kind (entry), status, error))
    goto failed;

  if (nb_entry_get_status (entry) == status)
    return _nb_store_commit (self, error);

  stmt = _nb_store_prepare (self, NB_STMT_ENTRY_SET_STATUS,
                            "UPDATE entries SET status = ?, updated = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, nb_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, _nb_store_now ());
  sqlite3_bind_int64 (stmt, 3, entry_id);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  queue_entry (self, entry, entry, NB_CHANGE_UPDATED);
  return _nb_store_commit (self, error);

failed:
  _nb_store_rollback (self);
  return FALSE;
}

static gboolean
set_deleted (NbStore   *self,
             gint64     entry_id,
             gboolean   deleted,
             GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autoptr(NbEntry) entry = NULL;

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  entry = load_entry (self, entry_id, TRUE, error);
  if (entry == NULL)
    goto failed;

  stmt = _nb_store_prepare (self, NB_STMT_ENTRY_SET_DELETED,
                            "UPDATE entries SET deleted = ?1 WHERE id = ?2 AND (deleted = 0) = (?1 <> 0)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, deleted ? MAX (_nb_store_now (), 1) : 0);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  if (!_nb_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) > 0)
    {
      queue_entry (self, entry, entry, deleted ? NB_CHANGE_REMOVED : NB_CHANGE_ADDED);
    }
  else if (deleted)
    {
      /* Deleting twice: it is not there any more. Undoing a delete that
       * did not happen is nothing to do. */
      set_entry_not_found (error, entry_id);
      goto failed;
    }

  return _nb_store_commit (self, error);

failed:
  _nb_store_rollback (self);
  return FALSE;
}

gboolean
nb_store_delete_entry (NbStore  *self,
                       gint64    entry_id,
                       GError  **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_deleted (self, entry_id, TRUE, error);
}

gboolean
nb_store_undelete_entry (NbStore  *self,
                         gint64    entry_id,
                         GError  **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_deleted (self, entry_id, FALSE, error);
}

static GPtrArray *
read_timeline (NbStore   *self,
               gint64     person_id,
               GError   **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  stmt = _nb_store_prepare (self, NB_STMT_TIMELINE,
                            "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e"
                            " JOIN people p ON p.id = e.person_id"
                            " WHERE (e.person_id = ?1 OR e.other_person_id = ?1)"
                            "   AND e.deleted = 0 AND p.deleted = 0"
                            " ORDER BY e.date DESC, e.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  return _nb_store_list_entries_from (self, stmt, error);
}

GPtrArray *
_nb_store_load_timeline (NbStore   *self,
                         gint64     person_id,
                         GError   **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  /* A person's page reads the timeline three times (the summary, the
   * trust meter, the timeline model): the last one read is kept while
   * nothing changes (nb-store-cache.c). Its entries are shared, as the
   * models' are: nobody changes them. */
  entries = _nb_store_cached_timeline (self, person_id);
  if (entries != NULL)
    return g_steal_pointer (&entries);

  entries = read_timeline (self, person_id, error);
  if (entries != NULL)
    _nb_store_keep_timeline (self, person_id, entries);

  return g_steal_pointer (&entries);
}

GPtrArray *
nb_store_list_entries (NbStore   *self,
                       gint64     person_id,
                       GError   **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_nb_store_begin (self, FALSE, error))
    return NULL;

  /* Entries of their own for the caller, who may change them. */
  if (!_nb_store_person_exists (self, person_id, error) ||
      (entries = read_timeline (self, person_id, error)) == NULL)
    {
      _nb_store_rollback (self);
      return NULL;
    }

  if (!_nb_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&entries);
}

GPtrArray *
nb_store_list_followups (NbStore     *self,
                         gboolean     overdue_only,
                         const char  *today_iso,
                         GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today_iso == NULL)
    today_iso = today = nb_date_today_iso ();
  if (!nb_date_parse_iso (today_iso, NULL, error))
    return NULL;

  if (overdue_only)
    stmt = _nb_store_prepare (self, NB_STMT_FOLLOWUPS_OVERDUE,
                              "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e"
                              " JOIN people p ON p.id = e.person_id"
                              " WHERE e.kind = 'follow-up' AND e.status = 'open' AND e.due < ?1"
                              "   AND e.deleted = 0 AND p.deleted = 0"
                              " ORDER BY e.due, e.id",
                              error);
  else
    stmt = _nb_store_prepare (self, NB_STMT_FOLLOWUPS,
                              "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e"
                              " JOIN people p ON p.id = e.person_id"
                              " WHERE e.kind = 'follow-up' AND e.status = 'open'"
                              "   AND e.deleted = 0 AND p.deleted = 0"
                              " ORDER BY e.due, e.id",
                              error);
  if (stmt == NULL)
    return NULL;

  if (overdue_only)
    sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_STATIC);

  return _nb_store_list_entries_from (self, stmt, error);
}

GPtrArray *
nb_store_list_followups_due_by (NbStore     *self,
                                const char  *last_due_iso,
                                GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (last_due_iso != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nb_date_parse_iso (last_due_iso, NULL, error))
    return NULL;

  stmt = _nb_store_prepare (self, NB_STMT_FOLLOWUPS_DUE_BY, NB_STORE_SQL_FOLLOWUPS_DUE_BY, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, last_due_iso, -1, SQLITE_STATIC);
  return _nb_store_list_entries_from (self, stmt, error);
}

GPtrArray *
nb_store_list_upcoming_meetings (NbStore     *self,
                                 const char  *today_iso,
                                 GError     **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today_iso == NULL)
    today_iso = today = nb_date_today_iso ();
  if (!nb_date_parse_iso (today_iso, NULL, error))
    return NULL;

  stmt = _nb_store_prepare (self, NB_STMT_UPCOMING_MEETINGS,
                            "SELECT " NB_STORE_ENTRY_COLUMNS " FROM entries e"
                            " JOIN people p ON p.id = e.person_id"
                            " WHERE e.kind = 'meeting' AND e.date > ?1"
                            "   AND e.deleted = 0 AND p.deleted = 0"
                            " ORDER BY e.date, e.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_STATIC);
  return _nb_store_list_entries_from (self, stmt, error);
}

gboolean
nb_store_get_goodwill (NbStore  *self,
                       guint    *given,
                       guint    *received,
                       GError  **error)
{
  g_autoptr(NbStmt) stmt = NULL;
  guint n_given = 0;
  guint n_received = 0;
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The balance changes only when an entry or a person does: counted
   * once, then kept while nothing changes (nb-store-cache.c). */
  if (_nb_store_cached_goodwill (self, &n_given, &n_received))
    goto done;

  /* An introduction is something I gave: I connected two people. Counted
   * per kind through the index entries_goodwill, whose WHERE the kinds'
   * term repeats: a fifth of the entries, never the table. The entries
   * of deleted people are counted apart and taken away (a few people,
   * through people_deleted and entries_live, in that order: CROSS JOIN,
   * or SQLite reads entries first), which costs a third less than
   * testing each entry's person. */
  stmt = _nb_store_prepare (self, NB_STMT_GOODWILL,
                            "SELECT g.kind, g.n - (SELECT count (*) FROM people d"
                            "                      CROSS JOIN entries e ON e.person_id = d.id"
                            "                      WHERE d.deleted <> 0 AND e.deleted = 0"
                            "                        AND e.kind = g.kind)"
                            " FROM (SELECT kind, count (*) AS n FROM entries"
                            "       WHERE deleted = 0 AND " NB_STORE_GOODWILL_KINDS
                            "       GROUP BY kind) g",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      const char *kind = _nb_column_text (stmt, 0);
      guint n = (guint) sqlite3_column_int64 (stmt, 1);

      if (g_str_equal (kind, "help-received") || g_str_equal (kind, "referral-received"))
        n_received += n;
      else
        n_given += n;
    }
  if (rc == -1)
    return FALSE;

  _nb_store_keep_goodwill (self, n_given, n_received);

done:
  if (given != NULL)
    *given = n_given;
  if (received != NULL)
    *received = n_received;

  return TRUE;
}
