/* nb-store.c: the store object, its transactions and change signals,
 * and maintenance. Events and my profile are in nb-store-events.c.
 *
 * Transactions nest: the outermost level is BEGIN IMMEDIATE (so that a
 * writer never has to upgrade a read lock, which cannot wait), inner
 * levels are SAVEPOINTs. Changes are queued as they are made, dropped
 * with the level that made them on rollback, and applied to the live
 * models and emitted only after the outermost COMMIT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-date.h"
#include "nb-enum-types.h"
#include "nb-store-private.h"

G_DEFINE_FINAL_TYPE (NbStore, nb_store, G_TYPE_OBJECT)

enum {
  PERSON_CHANGED,
  ENTRY_CHANGED,
  PROFILE_CHANGED,
  EVENT_CHANGED,
  CHANGED_OUTSIDE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_nb_stmt_release (NbStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

const char *
_nb_column_text (sqlite3_stmt *stmt,
                 int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? text : "";
}

gint64
_nb_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_nb_store_set_error (NbStore  *self,
                     GError  **error,
                     int       rc)
{
  /* Damage found while reading: the file must be checked when it is
   * next opened, not taken as healthy when it closes (nb-db.c). */
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    self->damaged = TRUE;

  _nb_db_set_error (error, self->db, rc, self->path, FALSE);
}

gboolean
_nb_store_check_utf8 (const char  *text,
                      const char  *what,
                      GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;

  /* Translators: %s is what was refused: "The name", "The note"… */
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
               _("%s contains bytes that are not valid UTF-8 text."), what);
  return FALSE;
}

gboolean
_nb_store_check_optional_date (const char  *date_iso,
                               GError     **error)
{
  if (date_iso == NULL || *date_iso == '\0')
    return TRUE;

  return nb_date_parse_iso (date_iso, NULL, error);
}

NbStmt *
_nb_store_prepare (NbStore     *self,
                   NbStmtId     id,
                   const char  *sql,
                   GError     **error)
{
  int rc;

  g_assert (id < NB_N_STMTS);

  if (self->stmts[id] != NULL)
    {
      /* Borrowed statements must not nest: the outer use would be reset. */
      g_assert (!sqlite3_stmt_busy (self->stmts[id]));
      return self->stmts[id];
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &self->stmts[id], NULL);
  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      _nb_store_set_error (self, error, rc);
      self->stmts[id] = NULL;
      return NULL;
    }

  return self->stmts[id];
}

int
_nb_store_step (NbStore       *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  _nb_store_set_error (self, error, rc);
  return -1;
}

gboolean
_nb_store_step_done (NbStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = _nb_store_step (self, stmt, error);

  if (rc == SQLITE_ROW)
    {
      /* A statement meant to return nothing: finish it anyway. */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      if (rc != SQLITE_DONE)
        {
          _nb_store_set_error (self, error, rc);
          return FALSE;
        }
    }

  return rc != -1;
}

static gboolean
run_control (NbStore     *self,
             NbStmtId     id,
             const char  *sql,
             GError     **error)
{
  g_autoptr(NbStmt) stmt = _nb_store_prepare (self, id, sql, error);

  return stmt != NULL && _nb_store_step_done (self, stmt, error);
}

/* Past this many changes in one commit, the models take them all at
 * once (_nb_store_models_apply_many()) before any is emitted. */
#define APPLY_MANY_OVER 32

static void
emit_change (NbStore               *self,
             const NbPendingChange *change,
             gboolean               apply)
{
  if (apply)
    _nb_store_models_apply (self, change);

  switch (change->kind)
    {
    case NB_PENDING_PERSON:
      g_signal_emit (self, signals[PERSON_CHANGED], 0, change->id, change->change);
      break;

    case NB_PENDING_ENTRY:
      g_signal_emit (self, signals[ENTRY_CHANGED], 0, change->id,
                     change->person_id, change->other_person_id, change->change);
      break;

    case NB_PENDING_PROFILE:
      g_signal_emit (self, signals[PROFILE_CHANGED], 0);
      break;

    case NB_PENDING_EVENT:
      g_signal_emit (self, signals[EVENT_CHANGED], 0, change->id, change->change);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
flush_pending (NbStore *self)
{
  g_autoptr(GArray) pending = NULL;

  if (self->pending->len == 0)
    return;

  /* Handlers may write again: they get a fresh queue. */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (NbPendingChange));

  /* A worker's store hands its changes to the store it works for. */
  if (self->forward != NULL)
    {
      g_array_append_vals (self->forward, pending->data, pending->len);
      return;
    }

  g_object_ref (self);
  if (pending->len > APPLY_MANY_OVER)
    _nb_store_models_apply_many (self, pending);
  for (guint i = 0; i < pending->len; i++)
    emit_change (self, &g_array_index (pending, NbPendingChange, i),
                 pending->len <= APPLY_MANY_OVER);
  g_object_unref (self);
}

/* The search rows of the stale cards and entries, as the triggers of
 * schema version 2 wrote them: a card's row holds its folded name,
 * work, offers, about and tags; an entry's its folded text. Rows of
 * deleted people and entries are only removed. ?1 is a JSON array of
 * the store's stale rows, ?2 of those that may be in the index (not
 * new); pending_search has those of other connections. One statement
 * each, so that FTS5 writes its index once for the whole batch. */
#define STALE_ROWS \
  "(SELECT value AS search_rowid FROM json_each (?1)" \
  " UNION SELECT search_rowid FROM pending_search)"

static const struct {
  NbStmtId    id;
  const char *sql;
} search_sync_steps[] = {
  { NB_STMT_SEARCH_SYNC_DELETE,
    "DELETE FROM search WHERE rowid IN (SELECT value FROM json_each (?2)"
    " UNION SELECT search_rowid FROM pending_search)" },
  { NB_STMT_SEARCH_SYNC_PEOPLE,
    "INSERT INTO search (rowid, person_id, name, work, offers, about, tags, note)"
    " SELECT 2 * p.id, p.id,"
    "  nb_fold (p.display_name || ' ' || p.given_name || ' ' || p.family_name),"
    "  nb_fold (p.company || ' ' || p.role || ' ' || p.industry),"
    "  nb_fold (p.offers),"
    "  nb_fold (p.target_market || ' ' || p.interests),"
    "  (SELECT nb_fold (group_concat (tag, ' ')) FROM tags WHERE person_id = p.id),"
    "  ''"
    " FROM " STALE_ROWS " s CROSS JOIN people p ON p.id = s.search_rowid / 2"
    " WHERE s.search_rowid % 2 = 0 AND p.deleted = 0" },
  { NB_STMT_SEARCH_SYNC_ENTRIES,
    "INSERT INTO search (rowid, person_id, note)"
    " SELECT 2 * e.id + 1, e.person_id, nb_fold (e.text)"
    " FROM " STALE_ROWS " s CROSS JOIN entries e ON e.id = s.search_rowid / 2"
    " WHERE s.search_rowid % 2 = 1 AND e.deleted = 0" },
};

/* nb_search_stale (ROWID) on the store's connection: noted in memory,
 * which costs no page of the notebook (see nb-store-schema.c). A write
 * outside the store's write transactions (none is known) would have no
 * COMMIT of the store's to rewrite it, so it goes to pending_search. */
static void
sql_search_stale (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  NbStore *self = sqlite3_user_data (context);
  gint64 rowid = sqlite3_value_int64 (argv[0]);

  if (self->depth == 0 || !self->writing)
    {
      sqlite3_result_int (context, 1);
      return;
    }

  g_array_append_val (self->stale_search, rowid);
  if (sqlite3_value_int (argv[1]) == 0)
    g_array_append_val (self->stale_search_old, rowid);
  sqlite3_result_int (context, 0);
}

static int
compare_rowids (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* "[2,4,7]": @rows, each once, in order. */
static char *
dup_rows_json (GArray *rows)
{
  GString *json = g_string_sized_new (rows->len * 8 + 2);

  g_array_sort (rows, compare_rowids);
  g_string_append_c (json, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 rowid = g_array_index (rows, gint64, i);

      if (i > 0 && rowid == g_array_index (rows, gint64, i - 1))
        continue;
      if (json->len > 1)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "%" G_GINT64_FORMAT, rowid);
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

gboolean
_nb_store_sync_search (NbStore  *self,
                       GError  **error)
{
  g_autofree char *json = NULL;
  g_autofree char *json_old = NULL;
  gboolean pending;

  if (self->depth == 0 || !self->writing)
    return TRUE;

  {
    g_autoptr(NbStmt) stmt = _nb_store_prepare (self, NB_STMT_SEARCH_PENDING,
                                                "SELECT EXISTS (SELECT 1 FROM pending_search)",
                                                error);
    if (stmt == NULL || _nb_store_step (self, stmt, error) != SQLITE_ROW)
      return FALSE;
    pending = sqlite3_column_int (stmt, 0) != 0;
  }

  if (self->stale_search->len == 0 && !pending)
    return TRUE;

  json = dup_rows_json (self->stale_search);
  json_old = dup_rows_json (self->stale_search_old);
  for (guint i = 0; i < G_N_ELEMENTS (search_sync_steps); i++)
    {
      g_autoptr(NbStmt) stmt = _nb_store_prepare (self, search_sync_steps[i].id,
                                                  search_sync_steps[i].sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
      if (sqlite3_bind_parameter_count (stmt) > 1)
        sqlite3_bind_text (stmt, 2, json_old, -1, SQLITE_STATIC);
      if (!_nb_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* The stale rows in memory are kept until the transaction ends: a
   * savepoint rolled back after this would undo these rows, not the
   * changes made before it. They are all in the index now, so a later
   * rewrite deletes them first. */
  g_array_set_size (self->stale_search_old, 0);
  g_array_append_vals (self->stale_search_old, self->stale_search->data, self->stale_search->len);

  /* Only when there is something to delete: emptying an empty table
   * still writes its page. */
  return !pending || run_control (self, NB_STMT_SEARCH_SYNC_CLEAR, "DELETE FROM pending_search", error);
}

gboolean
_nb_store_begin (NbStore   *self,
                 gboolean   write,
                 GError   **error)
{
  guint mark = self->pending->len;
  gboolean ok;

  if (self->depth == 0)
    {
      if (write)
        ok = run_control (self, NB_STMT_BEGIN_IMMEDIATE, "BEGIN IMMEDIATE", error);
      else
        ok = run_control (self, NB_STMT_BEGIN_DEFERRED, "BEGIN", error);
    }
  else if (sqlite3_get_autocommit (self->db))
    {
      /* SQLite gave up the outer transaction (disk full, I/O error…):
       * nothing may run outside it. */
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                   _("The change was cancelled because an earlier step failed."));
      ok = FALSE;
    }
  else
    {
      ok = run_control (self, NB_STMT_SAVEPOINT, "SAVEPOINT nb", error);
    }

  if (!ok)
    return FALSE;

  if (self->depth == 0)
    self->writing = write;
  g_array_append_val (self->pending_marks, mark);
  self->depth++;
  return TRUE;
}

static void
end_level (NbStore *self)
{
  g_assert (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      self->writing = FALSE;
      /* Rewritten by COMMIT, or undone with everything by ROLLBACK. */
      g_array_set_size (self->stale_search, 0);
      g_array_set_size (self->stale_search_old, 0);
    }
  g_array_set_size (self->pending_marks, self->depth);
}

void
_nb_store_rollback (NbStore *self)
{
  guint mark;

  g_return_if_fail (self->depth > 0);

  mark = g_array_index (self->pending_marks, guint, self->depth - 1);

  if (!sqlite3_get_autocommit (self->db))
    {
      if (self->depth == 1)
        {
          run_control (self, NB_STMT_ROLLBACK, "ROLLBACK", NULL);
        }
      else
        {
          run_control (self, NB_STMT_ROLLBACK_TO, "ROLLBACK TO nb", NULL);
          run_control (self, NB_STMT_RELEASE, "RELEASE nb", NULL);
        }
    }

  g_array_set_size (self->pending, self->depth == 1 ? 0 : mark);
  end_level (self);
}

gboolean
_nb_store_commit (NbStore  *self,
                  GError  **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (sqlite3_get_autocommit (self->db))
    {
      /* Already rolled back by SQLite under us. */
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                   _("The change was cancelled because an earlier step failed."));
      _nb_store_rollback (self);
      return FALSE;
    }

  if (self->depth > 1)
    {
      if (!run_control (self, NB_STMT_RELEASE, "RELEASE nb", error))
        {
          _nb_store_rollback (self);
          return FALSE;
        }
      end_level (self);
      return TRUE;
    }

  if (!_nb_store_sync_search (self, error) ||
      !run_control (self, NB_STMT_COMMIT, "COMMIT", error))
    {
      _nb_store_rollback (self);
      return FALSE;
    }

  end_level (self);
  flush_pending (self);
  return TRUE;
}

void
_nb_store_queue (NbStore               *self,
                 const NbPendingChange *change)
{
  g_assert (self->depth > 0);

  g_array_append_val (self->pending, *change);
}

void
_nb_store_queue_person (NbStore  *self,
                        gint64    person_id,
                        NbChange  change)
{
  NbPendingChange c = { NB_PENDING_PERSON, change, person_id, person_id, 0, 0, 0 };

  _nb_store_queue (self, &c);
}

static gboolean
purge_deleted (NbStore  *self,
               gboolean  only_if_any,
               GError  **error)
{
  if (only_if_any)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean any = FALSE;

      /* Opening must not write (or wait for the write lock) for nothing.
       * Search rows left to rewrite (by a program other than the store)
       * are rewritten by the COMMIT below. */
      if (sqlite3_prepare_v2 (self->db,
                              "SELECT EXISTS (SELECT 1 FROM people WHERE deleted <> 0)"
                              " OR EXISTS (SELECT 1 FROM entries WHERE deleted <> 0)"
                              " OR EXISTS (SELECT 1 FROM pending_search)",
                              -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        any = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_finalize (stmt);

      if (!any)
        return TRUE;
    }

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  if (!_nb_db_exec (self->db, self->path,
                    "DELETE FROM entries WHERE deleted <> 0;"
                    "DELETE FROM people WHERE deleted <> 0;",
                    error))
    {
      _nb_store_rollback (self);
      return FALSE;
    }

  return _nb_store_commit (self, error);
}

static void
nb_store_dispose (GObject *object)
{
  NbStore *self = (NbStore *) object;

  _nb_store_models_dispose (self);

  G_OBJECT_CLASS (nb_store_parent_class)->dispose (object);
}

static void
nb_store_finalize (GObject *object)
{
  NbStore *self = (NbStore *) object;

  if (self->depth > 0)
    g_critical ("NbStore finalized inside a transaction");

  for (guint i = 0; i < NB_N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);

  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_critical ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
      else if (self->damaged)
        _nb_db_forget_healthy (self->path);
      else
        _nb_db_note_healthy (self->path);
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->person_columns, g_free);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->forward, g_array_unref);
  g_clear_pointer (&self->pending_marks, g_array_unref);
  g_clear_pointer (&self->stale_search, g_array_unref);
  g_clear_pointer (&self->stale_search_old, g_array_unref);

  G_OBJECT_CLASS (nb_store_parent_class)->finalize (object);
}

static void
nb_store_class_init (NbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nb_store_dispose;
  object_class->finalize = nb_store_finalize;

  /**
   * NbStore::person-changed:
   * @person_id: the person
   * @change: added (also when undeleted), updated or removed
   */
  signals[PERSON_CHANGED] =
    g_signal_new ("person-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, NB_TYPE_CHANGE);

  /**
   * NbStore::entry-changed:
   * @entry_id: the entry
   * @person_id: whose timeline it is on
   * @other_person_id: the other person of an introduction, or 0
   * @change: added (also when undeleted), updated or removed
   */
  signals[ENTRY_CHANGED] =
    g_signal_new ("entry-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64,
                  NB_TYPE_CHANGE);

  signals[PROFILE_CHANGED] =
    g_signal_new ("profile-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * NbStore::event-changed:
   * @event_id: the event
   * @change: added, or updated when its attendees changed
   */
  signals[EVENT_CHANGED] =
    g_signal_new ("event-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, NB_TYPE_CHANGE);

  /**
   * NbStore::changed-outside:
   *
   * Another process (netbook-cli, say) changed the notebook: the
   * store's models have been read again; what else shows the notebook
   * should be too. See nb_store_check_outside_changes().
   */
  signals[CHANGED_OUTSIDE] =
    g_signal_new ("changed-outside",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nb_store_init (NbStore *self)
{
  GString *columns = g_string_new (NULL);

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      if (i > 0)
        g_string_append (columns, ", ");
      g_string_append (columns, nb_person_field_get_key ((NbPersonField) i));
    }

  self->person_columns = g_string_free (columns, FALSE);
  self->pending = g_array_new (FALSE, FALSE, sizeof (NbPendingChange));
  self->pending_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->stale_search = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stale_search_old = g_array_new (FALSE, FALSE, sizeof (gint64));
}

char *
nb_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "netbook", "netbook.db", NULL);
}

gint64
_nb_store_data_version (NbStore *self)
{
  g_autoptr(NbStmt) stmt = NULL;

  stmt = _nb_store_prepare (self, NB_STMT_DATA_VERSION, "PRAGMA data_version", NULL);
  if (stmt == NULL || _nb_store_step (self, stmt, NULL) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

static NbStore *
open_store (const char             *path,
            const NbMigrationFunc  *migrations,
            guint                   n_migrations,
            gboolean                purge,
            GError                **error)
{
  g_autofree char *resolved = NULL;
  g_autoptr(NbStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;

  resolved = path != NULL ? g_strdup (path) : nb_store_get_default_path ();

  /* No migrations: a worker's second connection (see
   * _nb_store_open_worker()). */
  if (migrations != NULL)
    db = _nb_db_open (resolved, migrations, n_migrations, error);
  else
    db = _nb_db_open_second (resolved, (int) n_migrations - 1, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (NB_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&resolved);
  self->db = db;

  /* The connection is the store's, and closes with it. */
  if (sqlite3_create_function_v2 (db, "nb_search_stale", 2, SQLITE_UTF8, self,
                                  sql_search_stale, NULL, NULL, NULL) != SQLITE_OK)
    {
      _nb_store_set_error (self, error, sqlite3_errcode (db));
      return NULL;
    }

  /* SQLite's default 2 MiB page cache is smaller than the people table
   * of a large notebook, and a long timeline is spread over thousands of
   * pages: 8 MiB keeps a person's page and search as you type in memory
   * (netbook-bench: 2,000-entry page 43 → 34 ms, search keystroke 12 →
   * 6 ms) for a few MiB more at most. Not fatal if refused. */
  if (sqlite3_exec (db, "PRAGMA cache_size = " G_STRINGIFY (NB_STORE_CACHE_KIB_NEG), NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Could not set the page cache of %s: %s", self->path, sqlite3_errmsg (db));

  /* Savepoint and statement journals in memory: every change the store
   * makes runs in a savepoint, whose journal otherwise goes to a file in
   * /var/tmp past 64 KiB (a 10,000-card import wrote 750,000 times to
   * it). They hold the pages one savepoint changes, a few KiB. */
  if (sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Could not keep the temporary files of %s in memory: %s", self->path, sqlite3_errmsg (db));

  /* Undo ends with the session that deleted: what an earlier session
   * deleted goes for good now. Not fatal: it is tried again next time. */
  if (purge && !purge_deleted (self, TRUE, &local_error))
    g_debug ("Could not purge deleted rows of %s: %s", self->path, local_error->message);

  self->outside_version = _nb_store_data_version (self);

  return g_steal_pointer (&self);
}

NbStore *
_nb_store_open_with_migrations (const char             *path,
                                const NbMigrationFunc  *migrations,
                                guint                   n_migrations,
                                GError                **error)
{
  return open_store (path, migrations, n_migrations, TRUE, error);
}

/* A second connection to the notebook at @path (an open store's
 * nb_store_get_path()), for one worker thread, where it is made, used
 * and dropped. The open store checked the file already: it is not read
 * page by page again (with the store's WAL beside it, it would be: half
 * a second at 200,000 entries, before an import could begin). It purges
 * nothing (what the open store deleted can still
 * be undone there) and keeps its changes for _nb_store_replay_changes()
 * instead of emitting them. */
NbStore *
_nb_store_open_worker (const char  *path,
                       GError     **error)
{
  NbStore *worker;

  g_return_val_if_fail (path != NULL, NULL);

  worker = open_store (path, NULL, _nb_store_n_migrations, FALSE, error);
  if (worker != NULL)
    worker->forward = g_array_new (FALSE, FALSE, sizeof (NbPendingChange));

  return worker;
}

/* What @worker committed: its changes, in order, for
 * _nb_store_replay_changes(). */
GArray *
_nb_store_take_worker_changes (NbStore *worker)
{
  g_autoptr(GArray) changes = NULL;

  g_return_val_if_fail (NB_IS_STORE (worker), NULL);
  g_return_val_if_fail (worker->forward != NULL, NULL);

  changes = g_steal_pointer (&worker->forward);
  worker->forward = g_array_new (FALSE, FALSE, sizeof (NbPendingChange));
  return g_steal_pointer (&changes);
}

/* Back on @self's thread, after a worker's commit: @self's models and
 * listeners learn of its changes as if @self had made them. */
void
_nb_store_replay_changes (NbStore *self,
                          GArray  *changes)
{
  g_return_if_fail (NB_IS_STORE (self));
  g_return_if_fail (changes != NULL);

  g_array_append_vals (self->pending, changes->data, changes->len);
  /* Inside a transaction they go out with its commit. */
  if (self->depth == 0)
    flush_pending (self);
}

NbStore *
nb_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nb_store_open_with_migrations (path, _nb_store_migrations,
                                         _nb_store_n_migrations, error);
}

const char *
nb_store_get_path (NbStore *self)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);

  return self->path;
}

/* Reading everyone (the people model, a check for outside changes)
 * goes through every page of the people table and of the indexes its
 * summaries seek in, once: through the whole 8 MiB cache, it would leave
 * the cache full of pages nothing reads again soon, at the moment the
 * list's new rows are made (the app's peak memory). A small cache while
 * it reads is enough for the indexes' inner pages; the system's file
 * cache keeps the rest a read away. @kib 0: the usual size back. */
void
_nb_store_set_cache_kib (NbStore *self,
                         int      kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d",
                                          kib > 0 ? -kib : NB_STORE_CACHE_KIB_NEG);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Could not set the page cache of %s: %s", self->path, sqlite3_errmsg (self->db));
}

void
nb_store_release_memory (NbStore *self)
{
  g_return_if_fail (NB_IS_STORE (self));

  sqlite3_db_release_memory (self->db);
}

gboolean
nb_store_check_outside_changes (NbStore *self)
{
  gint64 version;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return FALSE;

  version = _nb_store_data_version (self);
  if (version < 0 || version == self->outside_version)
    return FALSE;

  self->outside_version = version;
  g_debug ("%s was changed by another process: reading it again", self->path);
  _nb_store_models_reload (self);
  g_signal_emit (self, signals[CHANGED_OUTSIDE], 0);

  return TRUE;
}

gboolean
nb_store_transaction (NbStore      *self,
                      NbStoreFunc   func,
                      gpointer      user_data,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_nb_store_begin (self, TRUE, error))
    return FALSE;

  if (!func (self, user_data, &local_error))
    {
      _nb_store_rollback (self);
      if (local_error == NULL)
        g_set_error (&local_error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                     _("The change was cancelled."));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return _nb_store_commit (self, error);
}

/* ---- Maintenance ------------------------------------------------------ */

gboolean
nb_store_backup (NbStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  GStatBuf dest_st;
  GStatBuf db_st;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  /* Inside a transaction the copy would hold uncommitted work. */
  g_return_val_if_fail (self->depth == 0, FALSE);

  /* Renaming a copy over the open notebook would cut it from under the
   * connection: every later change would go to a deleted file. */
  if (g_stat (dest_path, &dest_st) == 0 && g_stat (self->path, &db_st) == 0 &&
      dest_st.st_dev == db_st.st_dev && dest_st.st_ino == db_st.st_ino)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("A backup of “%s” cannot replace the notebook itself. Choose another file."),
                   self->path);
      return FALSE;
    }

  return _nb_db_backup_to (self->db, self->path, dest_path, error);
}

gboolean
nb_store_purge_deleted (NbStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return purge_deleted (self, FALSE, error);
}
