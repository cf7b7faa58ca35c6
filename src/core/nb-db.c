/* nb-db.c: opening a notebook file safely, migrating it, copying it.
 *
 * The rule: a file Netbook refuses is left exactly as it was. The checks
 * (nb-db-inspect.c) read the raw bytes before SQLite sees the file, then
 * what needs SQLite on a connection that has not written anything yet.
 * Only then does Netbook switch to WAL, set pragmas or migrate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-store-private.h"

/* Messages quote file names and SQLite's own words (a table name from a
 * damaged schema), neither of which need be UTF-8; a message must be. */
static void
ensure_utf8 (GError **error)
{
  if (error != NULL && *error != NULL && !g_utf8_validate ((*error)->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid ((*error)->message, -1);

      g_free ((*error)->message);
      (*error)->message = valid;
    }
}

void
_nb_db_set_errno_error (GError     **error,
                        int          errsv,
                        const char  *path,
                        NbFileAction action)
{
  g_autofree char *message = NULL;
  NbStoreError code;
  const char *hint;

  switch (errsv)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      code = NB_STORE_ERROR_READ_ONLY;
      hint = _("Check that the file and its folder are writable.");
      break;
    case ENOSPC:
    case EDQUOT:
      code = NB_STORE_ERROR_FULL;
      hint = _("The disk is full: free some space and try again.");
      break;
    case EIO:
      code = NB_STORE_ERROR_IO;
      hint = _("Check the disk and try again.");
      break;
    default:
      code = NB_STORE_ERROR_FAILED;
      hint = "";
      break;
    }

  switch (action)
    {
    case NB_FILE_OPEN:
      message = g_strdup_printf (_("Could not open “%s”: %s."), path, g_strerror (errsv));
      break;
    case NB_FILE_READ:
      message = g_strdup_printf (_("Could not read “%s”: %s."), path, g_strerror (errsv));
      break;
    case NB_FILE_CREATE:
      message = g_strdup_printf (_("Could not create “%s”: %s."), path, g_strerror (errsv));
      break;
    case NB_FILE_SAVE:
    default:
      message = g_strdup_printf (_("Could not save “%s”: %s."), path, g_strerror (errsv));
      break;
    }

  if (*hint != '\0')
    g_set_error (error, NB_STORE_ERROR, code, "%s %s", message, hint);
  else
    g_set_error_literal (error, NB_STORE_ERROR, code, message);
  ensure_utf8 (error);
}

char *
_nb_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *result;

  if (text == NULL)
    return g_strdup ("");

  /* Most names and notes are ASCII, for which casefolding is lowering
   * A-Z and nothing decomposes: the same result, many times faster. */
  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        return g_ascii_strdown (text, -1);
      if ((guchar) *p >= 0x80)
        break;
    }

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* Casefold first: it may produce decomposable characters of its own. */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  result = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch ((int) g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;
        default:
          g_string_append_unichar (result, c);
          break;
        }
    }

  return g_string_free (result, FALSE);
}

char *
_nb_fold_name (const char *name)
{
  g_autofree char *folded = _nb_fold (name);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (result->len > 0)
        g_string_append_c (result, ' ');
      g_string_append (result, words[i]);
    }

  return g_string_free (result, FALSE);
}

static void
sql_fold (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text;

  g_assert (argc == 1);

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  text = (const char *) sqlite3_value_text (argv[0]);
  if (text == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }

  sqlite3_result_text (context, _nb_fold (text), -1, g_free);
}

/* Without a store on the connection, stale search rows go to the
 * pending_search table (nb-store-schema.c, version 3). */
static void
sql_search_stale (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  sqlite3_result_int (context, 1);
}

/* nb_rank (search, weight, …), an FTS5 auxiliary function: minus the
 * sum, over the query's terms, of the weights of the columns each is
 * found in (lower is better, as with bm25). It reads only the positions
 * FTS5 already has in hand; bm25 also reads every row's column sizes,
 * which made ranking the cards cost ten times finding them (a keystroke
 * such as "ing" matches most of 10,000 cards). A column without a
 * weight weighs 1. */
static void
sql_rank (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *context,
          int                      n_weights,
          sqlite3_value          **weights)
{
  int n_phrases = api->xPhraseCount (fts);
  double score = 0;

  for (int phrase = 0; phrase < n_phrases; phrase++)
    {
      Fts5PhraseIter iter;
      int column;

      for (api->xPhraseFirstColumn (fts, phrase, &iter, &column);
           column >= 0;
           api->xPhraseNextColumn (fts, &iter, &column))
        score += column < n_weights ? sqlite3_value_double (weights[column]) : 1.0;
    }

  sqlite3_result_double (context, -score);
}

/* FTS5's API of @db, the documented way: SELECT fts5(?1) with a pointer. */
static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  return api;
}

int
_nb_db_register_functions (sqlite3 *db)
{
  fts5_api *fts5;
  int rc = sqlite3_create_function_v2 (db, "nb_fold", 1,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       NULL, sql_fold, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "nb_search_stale", 2, SQLITE_UTF8,
                                     NULL, sql_search_stale, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;

  /* xPhraseFirstColumn() came with version 2 (SQLite 3.18). */
  fts5 = get_fts5_api (db);
  if (fts5 == NULL || fts5->iVersion < 2)
    return SQLITE_ERROR;

  return fts5->xCreateFunction (fts5, "nb_rank", NULL, sql_rank, NULL);
}

void
_nb_db_set_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *path,
                  gboolean     opening)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  /* "… (disk I/O error). Netbook did not change it. Check …", or
   * without the middle sentence. */
  g_autofree char *hint = opening ? g_strconcat (" ", _nb_db_refused_hint (), NULL) : g_strdup ("");

  /* For I/O errors SQLite's message for the statement can be about
   * whatever was being read ("vtable constructor failed: search"); its
   * name for the error code is what the user needs. */
  if ((rc & 0xff) == SQLITE_IOERR)
    detail = sqlite3_errstr (rc);

  /* SQLite says SQLITE_FULL only for its main files; a full disk met
   * while making the -shm or syncing is an I/O error whose errno tells. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL &&
      (sqlite3_system_errno (db) == ENOSPC || sqlite3_system_errno (db) == EDQUOT))
    rc = SQLITE_FULL;

  /* Translators (the messages below): the %s right after a period is
   * either empty or " Netbook did not change it." with its space. */
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      if (opening)
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL,
                     _("The disk holding “%s” is full, so it cannot be opened.%s Free some space and try again."),
                     path, hint);
      else
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL,
                     _("The disk holding “%s” is full, so the last change was not saved. Free some space and try again."),
                     path);
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written (%s).%s Check that the file and its folder are writable."),
                   path, detail, hint);
      break;

    case SQLITE_IOERR:
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Could not read or write “%s” (%s).%s Check the disk and try again."),
                   path, detail, hint);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program that did not let go in time. Close other Netbook windows or commands and try again."),
                   path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s).%s Restore a backup (netbook-cli restore FILE) or move the file away to start a new notebook."),
                   path, detail, hint);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("The change was refused by “%s” (%s)."), path, detail);
      break;

    default:
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                   _("Database error in “%s”: %s"), path, detail);
      break;
    }

  ensure_utf8 (error);
}

gboolean
_nb_db_exec (sqlite3     *db,
             const char  *path,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _nb_db_set_error (error, db, rc, path, FALSE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int errsv;

  if (fd < 0 || fsync (fd) != 0)
    {
      errsv = errno;
      if (fd >= 0)
        close (fd);
      /* Some file systems cannot sync folders; the data itself is. */
      if (directory && (errsv == EINVAL || errsv == ENOTSUP))
        return TRUE;
      _nb_db_set_errno_error (error, errsv, path, NB_FILE_SAVE);
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static void
unlink_with_side_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
  g_unlink (path);
}

/* Writes the pragmas that need the connection to be ours. */
static gboolean
configure (sqlite3     *db,
           const char  *path,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      _nb_db_set_error (error, db, rc, path, FALSE);
      return FALSE;
    }
  if (!wal)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                   _("“%s” cannot be used safely: its folder does not support SQLite's write-ahead log."),
                   path);
      return FALSE;
    }

  return _nb_db_exec (db, path, "PRAGMA synchronous = FULL", error);
}

/* Copies the whole WAL into the file and empties it, or says why not. */
static gboolean
checkpoint_all (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  int rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _nb_db_set_error (error, db, rc, path, FALSE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (sqlite3                *db,
         const char             *path,
         int                     from,
         const NbMigrationFunc  *migrations,
         guint                   n_migrations,
         GError                **error)
{
  int target = (int) n_migrations - 1;
  g_autofree char *backup_path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (from < target && from > 0)
    {
      backup_path = g_strdup_printf ("%s.before-v%d.bak", path, target);
      if (!_nb_db_backup_to (db, path, backup_path, error))
        {
          g_prefix_error (error, _("Could not take a copy before updating the notebook’s format: "));
          return FALSE;
        }
    }

  /* Table rebuilds need foreign keys off; foreign_key_check below makes
   * sure that no step left a dangling reference. */
  if (!_nb_db_exec (db, path, "PRAGMA foreign_keys = OFF", error) ||
      !_nb_db_exec (db, path, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int v = from + 1; v <= target; v++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", v);

      if (!migrations[v] (db, path, &local_error) ||
          !_nb_db_exec (db, path, sql, &local_error))
        goto failed;
    }

  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                            (int) NB_STORE_APPLICATION_ID);
    sqlite3_stmt *stmt = NULL;
    int rc;

    if (!_nb_db_exec (db, path, sql, &local_error))
      goto failed;

    rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_step (stmt);
    sqlite3_finalize (stmt);
    if (rc == SQLITE_ROW)
      {
        g_set_error (&local_error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                     _("the new format would leave broken references"));
        goto failed;
      }
    if (rc != SQLITE_DONE)
      {
        _nb_db_set_error (&local_error, db, rc, path, FALSE);
        goto failed;
      }
  }

  if (!_nb_db_exec (db, path, "COMMIT", &local_error))
    goto failed;

  return _nb_db_exec (db, path, "PRAGMA foreign_keys = ON", error);

failed:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  if (from == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    {
      /* Translators: %d is the format version, then the copy's file name. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not update the notebook to format %d (it is unchanged, and a copy is in “%s”): "),
                                  target, backup_path);
    }
  return FALSE;
}

/* @name is the file the user knows, for messages: the notebook, not the
 * temporary name it is being made under. */
static sqlite3 *
open_connection (const char  *path,
                 const char  *name,
                 gboolean     opening,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  /* Never SQLITE_OPEN_CREATE: the file exists, and if it vanished in the
   * meantime it must not come back empty. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, NB_STORE_BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK)
    rc = _nb_db_register_functions (db);

  if (rc != SQLITE_OK)
    {
      _nb_db_set_error (error, db, rc, name, opening);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Creates a new notebook at a temporary name beside @path and links it
 * into place, so that @path is never seen half-made: a crash leaves
 * either nothing or a whole notebook. link() never overwrites. */
static gboolean
create_database (const char             *path,
                 const NbMigrationFunc  *migrations,
                 guint                   n_migrations,
                 GError                **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  g_autofree char *tmp_wal = NULL;
  sqlite3 *db;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      _nb_db_set_errno_error (error, errno, path, NB_FILE_CREATE);
      return FALSE;
    }
  close (fd);
  tmp_wal = g_strconcat (tmp, "-wal", NULL);

  db = open_connection (tmp, path, FALSE, error);
  if (db == NULL)
    goto failed;

  /* Everything into the file itself before it is linked into place. The
   * checkpoint sqlite3_close() does fails silently (a read error, a full
   * disk), and the notebook would then be an empty header whose data
   * stayed in the temporary name's WAL. */
  if (!configure (db, path, error) ||
      !migrate (db, path, 0, migrations, n_migrations, error) ||
      !checkpoint_all (db, path, error))
    {
      sqlite3_close (db);
      goto failed;
    }

  if (sqlite3_close (db) != SQLITE_OK || _nb_db_file_size (tmp_wal) > 0)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                   _("Could not create “%s”."), path);
      goto failed;
    }

  if (!fsync_path (tmp, FALSE, error))
    goto failed;

  if (link (tmp, path) != 0)
    {
      int errsv = errno;

      if (errsv == EEXIST)
        {
          /* Someone else created it meanwhile: use theirs. */
        }
      else if ((errsv == EPERM || errsv == ENOTSUP || errsv == EMLINK) &&
               !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* No hard links here (FAT, some network file systems). */
          if (g_rename (tmp, path) != 0)
            {
              _nb_db_set_errno_error (error, errno, path, NB_FILE_CREATE);
              goto failed;
            }
        }
      else
        {
          _nb_db_set_errno_error (error, errsv, path, NB_FILE_CREATE);
          goto failed;
        }
    }

  /* The notebook is linked at @path now; the temporary name and any
   * side file SQLite left beside it go. */
  unlink_with_side_files (tmp);
  return fsync_path (dir, TRUE, error);

failed:
  unlink_with_side_files (tmp);
  if (error != NULL && g_error_matches (*error, NB_STORE_ERROR, NB_STORE_ERROR_FULL))
    {
      /* Not "the last change was not saved": there was none yet. */
      g_clear_error (error);
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full, so a new notebook cannot be made there. Free some space and try again."),
                   path);
    }
  return FALSE;
}

/* ---- Notebooks known healthy ---------------------------------------------
 *
 * PRAGMA quick_check reads every page: 1.8 billion instructions, most of
 * the time to open a notebook of 200,000 entries, before the window can
 * show anything. A notebook that Netbook closed cleanly (its WAL written
 * back and removed) after checking it, and that nothing has touched
 * since, need not be checked again: everything written in between went
 * through SQLite. So when the store closes cleanly, the file's identity
 * (device, inode, size, modification and status-change times, and a
 * checksum of its first and last 4 KiB, which a file replaced within the
 * same clock tick would not share) is recorded in the user's cache; the
 * next open checks every page only if the file differs from it, or has a
 * WAL beside it (a crash, or another program has it open). */

#define SAMPLE_SIZE 4096

static char *
healthy_record_path (const char *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);

  return g_build_filename (g_get_user_cache_dir (), "netbook", "healthy", digest, NULL);
}

/* NULL if @path cannot be read. */
static char *
file_identity (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 sample[SAMPLE_SIZE];
  struct stat st;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;

  if (fstat (fd, &st) != 0)
    {
      close (fd);
      return NULL;
    }

  n = pread (fd, sample, sizeof sample, 0);
  if (n > 0)
    g_checksum_update (checksum, sample, (gsize) n);
  if (st.st_size > SAMPLE_SIZE)
    {
      n = pread (fd, sample, sizeof sample, MAX (st.st_size - SAMPLE_SIZE, SAMPLE_SIZE));
      if (n > 0)
        g_checksum_update (checksum, sample, (gsize) n);
    }
  close (fd);
  if (n < 0)
    return NULL;

  return g_strdup_printf ("%ju %ju %jd %jd.%09ld %jd.%09ld %s",
                          (uintmax_t) st.st_dev, (uintmax_t) st.st_ino, (intmax_t) st.st_size,
                          (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) st.st_ctim.tv_sec, st.st_ctim.tv_nsec,
                          g_checksum_get_string (checksum));
}

/* TRUE if @path is as Netbook left it when it last closed it healthy.
 * The caller makes sure that no WAL lies beside it. */
static gboolean
is_known_healthy (const char *path)
{
  g_autofree char *record_path = healthy_record_path (path);
  g_autofree char *recorded = NULL;
  g_autofree char *identity = NULL;

  if (!g_file_get_contents (record_path, &recorded, NULL, NULL))
    return FALSE;

  identity = file_identity (path);
  return identity != NULL && g_str_equal (identity, recorded);
}

void
_nb_db_note_healthy (const char *path)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *record_path = healthy_record_path (path);
  g_autofree char *dir = g_path_get_dirname (record_path);
  g_autofree char *identity = NULL;
  g_autoptr(GError) error = NULL;

  /* Another connection still has it open: its changes are not in the
   * file yet, and the next open will check. */
  if (g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      g_unlink (record_path);
      return;
    }

  identity = file_identity (path);
  if (identity == NULL || g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (record_path, identity, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not note that %s is healthy: %s", path,
             error != NULL ? error->message : g_strerror (errno));
}

void
_nb_db_forget_healthy (const char *path)
{
  g_autofree char *record_path = healthy_record_path (path);

  g_unlink (record_path);
}

static sqlite3 *
open_checked (const char             *path,
              const NbMigrationFunc  *migrations,
              guint                   n_migrations,
              GError                **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *wal_path = NULL;
  g_autofree char *shm_path = NULL;
  gboolean had_wal;
  gboolean had_shm;
  gboolean known_healthy;
  sqlite3 *db;
  GStatBuf st;
  int current_version = (int) n_migrations - 1;
  int version = 0;
  guint32 application_id = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_migrations >= 2, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      _nb_db_set_errno_error (error, errno, dir, NB_FILE_CREATE);
      return NULL;
    }

  if (g_stat (path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          _nb_db_set_errno_error (error, errno, path, NB_FILE_OPEN);
          return NULL;
        }

      if (!create_database (path, migrations, n_migrations, error))
        return NULL;
    }

  if (!_nb_db_inspect_file (path, error))
    return NULL;

  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      int errsv = errno;

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written (%s). %s Check that the file and its folder are writable."),
                   path, g_strerror (errsv), _nb_db_refused_hint ());
      return NULL;
    }

  wal_path = g_strconcat (path, "-wal", NULL);
  shm_path = g_strconcat (path, "-shm", NULL);
  had_wal = g_file_test (wal_path, G_FILE_TEST_EXISTS);
  had_shm = g_file_test (shm_path, G_FILE_TEST_EXISTS);
  /* Before SQLite opens it, which may create the WAL. */
  known_healthy = !had_wal && is_known_healthy (path);

  db = open_connection (path, path, TRUE, error);
  if (db == NULL)
    return NULL;

  /* Closing the last connection checkpoints a WAL into the main file. A
   * WAL left by someone else must stay as it was if the file is refused,
   * so no checkpoint on close until the file is accepted. */
  if (_nb_db_file_size (wal_path) > 0)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  if (!_nb_db_check_contents (db, path, current_version, !known_healthy,
                              &version, &application_id, error))
    {
      _nb_db_close_refused (db, wal_path, had_wal, shm_path, had_shm);
      return NULL;
    }

  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written (%s). %s Check that the file and its folder are writable."),
                   path, g_strerror (EACCES), _nb_db_refused_hint ());
      _nb_db_close_refused (db, wal_path, had_wal, shm_path, had_shm);
      return NULL;
    }

  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!configure (db, path, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (version < current_version)
    {
      if (!migrate (db, path, version, migrations, n_migrations, error))
        {
          sqlite3_close (db);
          return NULL;
        }
    }
  else if (application_id != NB_STORE_APPLICATION_ID)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                              (int) NB_STORE_APPLICATION_ID);

      if (!_nb_db_exec (db, path, sql, error))
        {
          sqlite3_close (db);
          return NULL;
        }
    }

  if (!_nb_db_exec (db, path, "PRAGMA foreign_keys = ON", error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

sqlite3 *
_nb_db_open (const char             *path,
             const NbMigrationFunc  *migrations,
             guint                   n_migrations,
             GError                **error)
{
  sqlite3 *db = open_checked (path, migrations, n_migrations, error);

  /* Every refusal names the file, which need not be UTF-8. */
  if (db == NULL)
    ensure_utf8 (error);

  return db;
}

/* A second connection to @path, which a store of this process opened
 * (and so checked and migrated) already: for a worker thread. Nothing is
 * read page by page again — everything written since went through
 * SQLite — but a file that is no longer a notebook of this version is
 * refused. */
sqlite3 *
_nb_db_open_second (const char  *path,
                    int          current_version,
                    GError     **error)
{
  sqlite3 *db;
  int version = 0;
  guint32 application_id = 0;

  db = open_connection (path, path, TRUE, error);
  if (db == NULL)
    {
      ensure_utf8 (error);
      return NULL;
    }

  if (!_nb_db_check_contents (db, path, current_version, FALSE, &version, &application_id, error) ||
      !configure (db, path, error) ||
      !_nb_db_exec (db, path, "PRAGMA foreign_keys = ON", error))
    {
      sqlite3_close (db);
      ensure_utf8 (error);
      return NULL;
    }

  if (version != current_version)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FAILED,
                   _("“%s” was changed by another program while Netbook had it open. Close Netbook and open it again."),
                   path);
      sqlite3_close (db);
      ensure_utf8 (error);
      return NULL;
    }

  return db;
}

gboolean
_nb_db_backup_to (sqlite3     *db,
                  const char  *db_path,
                  const char  *dest_path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.tmp-XXXXXX", dir, base);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      _nb_db_set_errno_error (error, errno, dest_path, NB_FILE_CREATE);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _nb_db_set_error (error, dest, rc, dest_path, FALSE);
      goto failed;
    }

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      _nb_db_set_error (error, dest, sqlite3_errcode (dest), dest_path, FALSE);
      goto failed;
    }

  /* One step: the copy is consistent, and the source connection is ours
   * so nothing can change it halfway. */
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      _nb_db_set_error (error, NULL, rc, db_path, FALSE);
      goto failed;
    }

  /* A backup is one self-contained file: no WAL beside it. */
  if (!_nb_db_exec (dest, dest_path, "PRAGMA journal_mode = DELETE", error))
    goto failed;

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    {
      _nb_db_set_error (error, NULL, rc, dest_path, FALSE);
      goto failed;
    }

  if (g_chmod (tmp, 0600) != 0)
    {
      _nb_db_set_errno_error (error, errno, dest_path, NB_FILE_SAVE);
      goto failed;
    }

  if (!fsync_path (tmp, FALSE, error))
    goto failed;

  if (g_rename (tmp, dest_path) != 0)
    {
      _nb_db_set_errno_error (error, errno, dest_path, NB_FILE_SAVE);
      goto failed;
    }

  return fsync_path (dir, TRUE, error);

failed:
  if (dest != NULL)
    sqlite3_close (dest);
  unlink_with_side_files (tmp);
  if (error != NULL && g_error_matches (*error, NB_STORE_ERROR, NB_STORE_ERROR_FULL))
    {
      /* Name the copy's disk, which is what filled up, and say what
       * did not happen. */
      g_clear_error (error);
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full, so the copy was not made. Free some space and try again."),
                   dest_path);
    }
  return FALSE;
}
