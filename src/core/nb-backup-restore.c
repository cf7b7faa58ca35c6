/* nb-backup-restore.c: checking a backup and putting it in place.
 *
 * The order is what keeps the user's data safe:
 *   1. the backup is copied beside the database and that copy is opened
 *      with nb_store_open() (every check of a normal open, and a
 *      migration if the backup is older) and a full integrity_check: the
 *      backup itself is never written to, the database not yet touched.
 *      The copy's write-ahead log is then checkpointed explicitly and
 *      checked to be empty (closing would do it, silently if it failed),
 *      and the copy is synced: it is one whole file from there on;
 *   2. the database must not be open anywhere (SQLite's own locks);
 *   3. the database is copied byte for byte into the backups folder (the
 *      safety copy). An unfinished write-ahead log beside it is moved
 *      there too, beside the copy it belongs to, so that the log can
 *      never be replayed into the restored file;
 *   4. the checked copy is renamed over the database, atomically; the
 *      database's stale -shm (and any -journal) are removed only after
 *      that.
 * Any failure before 4 leaves the database as it was (a moved log is
 * moved back); after 4 the restored notebook is in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

/* F_OFD_GETLK */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-backup-private.h"
#include "nb-store-private.h"

/* Where SQLite's unix VFS takes its locks (sqlite3.c: PENDING_BYTE,
 * SHARED_FIRST, SHARED_SIZE; UNIX_SHM_DMS in the -shm file). */
#define SQLITE_PENDING_BYTE 0x40000000
#define SQLITE_SHARED_SIZE 510
#define SQLITE_SHM_DMS 128

#define COPY_BUFFER_SIZE (256 * 1024)

typedef struct
{
  char *db_path;
  char *backup_file;
} RestoreTask;

typedef struct
{
  char *safety_copy;
} RestoreResult;

static void
restore_task_free (RestoreTask *task)
{
  g_free (task->db_path);
  g_free (task->backup_file);
  g_free (task);
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC, 0);
  int errsv;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  errsv = errno;
  if (fd >= 0)
    close (fd);
  if (directory && (errsv == EINVAL || errsv == ENOTSUP))
    return TRUE;
  _nb_db_set_errno_error (error, errsv, path, NB_FILE_SAVE);
  return FALSE;
}

static void
unlink_with_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_unlink (side);
    }
  g_unlink (path);
}

/* Copies @src to a new file "<dir>/.<name>-XXXXXX" (0600, synced) and
 * returns its path. */
static char *
copy_to_temp (const char  *src,
              const char  *dir,
              const char  *name,
              GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s/.%s-XXXXXX", dir, name);
  g_autofree guint8 *buffer = g_malloc (COPY_BUFFER_SIZE);
  int in = -1;
  int out = -1;
  int errsv = 0;
  const char *failed_path = src;
  NbFileAction action = NB_FILE_READ;

  in = g_open (src, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      _nb_db_set_errno_error (error, errno, src, NB_FILE_OPEN);
      return NULL;
    }

  out = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (out < 0)
    {
      errsv = errno;
      close (in);
      _nb_db_set_errno_error (error, errsv, dir, NB_FILE_CREATE);
      return NULL;
    }

  for (;;)
    {
      gssize n = read (in, buffer, COPY_BUFFER_SIZE);
      gssize done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          errsv = errno;
          break;
        }
      if (n == 0)
        break;

      while (done < n)
        {
          gssize w = write (out, buffer + done, (gsize) (n - done));

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              errsv = errno;
              failed_path = tmp;
              action = NB_FILE_SAVE;
              break;
            }
          done += w;
        }
      if (errsv != 0)
        break;
    }

  if (errsv == 0 && fsync (out) != 0)
    {
      errsv = errno;
      failed_path = tmp;
      action = NB_FILE_SAVE;
    }

  close (in);
  if (close (out) != 0 && errsv == 0)
    {
      errsv = errno;
      failed_path = tmp;
      action = NB_FILE_SAVE;
    }

  if (errsv != 0)
    {
      g_unlink (tmp);
      _nb_db_set_errno_error (error, errsv, failed_path, action);
      return NULL;
    }

  return g_steal_pointer (&tmp);
}

/* ---- Checking ---------------------------------------------------------- */

static gboolean
integrity_check (NbStore  *store,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "PRAGMA integrity_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  /* The check could not run (a read error, a full disk): that says
   * nothing about the backup, and must not be reported as damage. */
  if (rc != SQLITE_ROW)
    {
      _nb_db_set_error (error, store->db, rc, store->path, FALSE);
      return FALSE;
    }

  if (problem != NULL)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                   _("its integrity check failed: %s"), problem);
      return FALSE;
    }

  return TRUE;
}

/* Moves everything in the copy's write-ahead log into the file itself
 * and closes it: what is renamed over the notebook must be one whole
 * file. sqlite3_close() checkpoints too, but says nothing when that
 * fails (a read error, a full disk), and the copy would then be renamed
 * half-checkpointed, its last pages left in a log under its old name.
 * Consumes @store. */
static gboolean
checkpoint_and_close (NbStore     *store,
                      const char  *copy,
                      const char  *backup_file,
                      const char  *dir,
                      GError     **error)
{
  g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
  g_autoptr(GError) local_error = NULL;
  int n_log = -1;
  int n_done = -1;
  int rc;

  rc = sqlite3_wal_checkpoint_v2 (store->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_done);
  if (rc != SQLITE_OK)
    _nb_db_set_error (&local_error, store->db, rc, copy, FALSE);

  /* With nothing left to checkpoint, closing only removes the log. */
  g_object_unref (store);

  if (local_error == NULL && (n_log != n_done || _nb_db_file_size (wal) > 0))
    {
      rc = SQLITE_IOERR;
      g_set_error (&local_error, NB_STORE_ERROR, NB_STORE_ERROR_IO, "%s", sqlite3_errstr (rc));
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, NB_STORE_ERROR, NB_STORE_ERROR_FULL))
        /* Translators: the first %s is the backup file, the second a folder. */
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL,
                     _("Could not prepare “%s” for restoring: the disk holding “%s” is full. Free some space and try again; your notebook was not changed."),
                     backup_file, dir);
      else
        /* Translators: the backup file, a folder, then SQLite's reason. */
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not prepare “%s” for restoring: its copy in “%s” could not be written in full (%s). Check the disk and try again; your notebook was not changed."),
                     backup_file, dir, sqlite3_errstr (rc));
      return FALSE;
    }

  /* An empty log, a -shm: they must not stay behind under a name that
   * is about to go away. */
  g_unlink (wal);
  g_unlink (shm);

  return TRUE;
}

/* Says why @backup_file cannot be restored, from what opening a copy of
 * it said (which names the copy, not the file the user chose). */
static void
set_refused (GError      **error,
             const char   *backup_file,
             const GError *cause)
{
  const char *reason;

  switch (cause->domain == NB_STORE_ERROR ? cause->code : -1)
    {
    case NB_STORE_ERROR_CORRUPT:
      reason = _("it is damaged");
      break;
    case NB_STORE_ERROR_NOT_DATABASE:
      reason = _("it is not a Netbook notebook");
      break;
    case NB_STORE_ERROR_FOREIGN:
      reason = _("it is a database of another program");
      break;
    case NB_STORE_ERROR_TOO_NEW:
      reason = _("it was saved by a newer version of Netbook; update Netbook to restore it");
      break;
    case NB_STORE_ERROR_IO:
    case NB_STORE_ERROR_FULL:
    case NB_STORE_ERROR_READ_ONLY:
    case NB_STORE_ERROR_BUSY:
      /* Not a verdict on the backup: it, or its copy beside the
       * notebook, could not be read, made or brought up to date.
       * @cause says why, in sentences of its own. */
      /* Translators: %s is the backup file, then what went wrong. */
      g_set_error (error, cause->domain, cause->code,
                   _("Could not prepare “%s” for restoring. %s Your notebook was not changed."),
                   backup_file, cause->message);
      return;
    default:
      reason = cause->message;
      break;
    }

  /* Translators: the first %s is the backup file, the second why. */
  g_set_error (error, cause->domain, cause->code,
               _("“%s” cannot be restored: %s. Your notebook was not changed."),
               backup_file, reason);
}

/* Copies @backup_file into @dir and opens the copy like a notebook.
 * Returns the copy, a healthy and current notebook, closed. */
static char *
checked_copy (const char  *backup_file,
              const char  *dir,
              GError     **error)
{
  g_autofree char *base = g_path_get_basename (backup_file);
  g_autofree char *wal = g_strconcat (backup_file, "-wal", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(NbStore) store = NULL;

  /* The raw checks first: the copy below must not be of a folder, a
   * device or a file with a hot journal of another program's. */
  if (!_nb_db_inspect_file (backup_file, &local_error))
    {
      set_refused (error, backup_file, local_error);
      return NULL;
    }

  copy = copy_to_temp (backup_file, dir, "netbook-restore", error);
  if (copy == NULL)
    return NULL;

  /* A copy of a live notebook may still have its last changes in a
   * write-ahead log: they belong to it. */
  if (_nb_db_file_size (wal) > 0)
    {
      g_autofree char *wal_copy = copy_to_temp (wal, dir, "netbook-restore-wal", error);
      g_autofree char *wal_dest = g_strconcat (copy, "-wal", NULL);

      if (wal_copy == NULL || g_rename (wal_copy, wal_dest) != 0)
        {
          if (wal_copy != NULL)
            {
              _nb_db_set_errno_error (error, errno, wal_dest, NB_FILE_SAVE);
              g_unlink (wal_copy);
            }
          unlink_with_side_files (copy);
          return NULL;
        }
    }

  store = nb_store_open (copy, &local_error);
  if (store != NULL && !integrity_check (store, &local_error))
    g_clear_object (&store);

  before = g_strdup_printf ("%s.before-v%d.bak", copy, NB_STORE_SCHEMA_VERSION);
  g_unlink (before);

  if (store == NULL)
    {
      set_refused (error, backup_file, local_error);
      unlink_with_side_files (copy);
      return NULL;
    }

  if (!checkpoint_and_close (g_steal_pointer (&store), copy, backup_file, dir, error))
    {
      unlink_with_side_files (copy);
      return NULL;
    }

  if (!fsync_path (copy, FALSE, error))
    {
      unlink_with_side_files (copy);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

gboolean
nb_backup_check (const char  *backup_file,
                 GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (backup_file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_dir_make_tmp ("netbook-check-XXXXXX", &local_error);
  if (dir == NULL)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  copy = checked_copy (backup_file, dir, error);
  if (copy != NULL)
    unlink_with_side_files (copy);
  g_rmdir (dir);

  return copy != NULL;
}

/* ---- Replacing --------------------------------------------------------- */

/* Whether another connection (in any process) has @path open: SQLite
 * holds a read lock on its shared range while a connection reads, and
 * in WAL mode on the -shm's DMS byte while it is open at all. Open file
 * description locks see the locks of this process too. */
static gboolean
lock_held (const char *path,
           off_t       start,
           off_t       length)
{
  struct flock lock = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    return FALSE;

  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = start;
  lock.l_len = length;
#ifdef F_OFD_GETLK
  rc = fcntl (fd, F_OFD_GETLK, &lock);
#else
  rc = fcntl (fd, F_GETLK, &lock);
#endif
  close (fd);

  return rc == 0 && lock.l_type != F_UNLCK;
}

static gboolean
database_in_use (const char *db_path)
{
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  return lock_held (db_path, SQLITE_PENDING_BYTE, 2 + SQLITE_SHARED_SIZE) ||
         lock_held (shm, SQLITE_SHM_DMS, 1);
}

/* Copies the database into the backups folder, moving an unfinished
 * write-ahead log along (*@moved_wal: where it went). */
static char *
take_safety_copy (const char  *db_path,
                  char       **moved_wal,
                  GError     **error)
{
  g_autofree char *dir = nb_backup_dir_for (db_path);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *dest = NULL;

  *moved_wal = NULL;

  if (!_nb_backup_ensure_dir (dir, error))
    return NULL;

  tmp = copy_to_temp (db_path, dir, "netbook-safety", error);
  if (tmp == NULL)
    return NULL;

  dest = _nb_backup_new_path (dir, NB_BACKUP_SAFETY_PREFIX);

  if (_nb_db_file_size (wal) > 0)
    {
      g_autofree char *wal_dest = g_strconcat (dest, "-wal", NULL);

      if (g_rename (wal, wal_dest) != 0)
        {
          /* Another file system: a copy keeps it just as well, and the
           * original is removed once the restored file is in place. */
          g_autofree char *wal_tmp = copy_to_temp (wal, dir, "netbook-safety-wal", error);

          if (wal_tmp == NULL || g_rename (wal_tmp, wal_dest) != 0)
            {
              if (wal_tmp != NULL)
                {
                  _nb_db_set_errno_error (error, errno, wal_dest, NB_FILE_SAVE);
                  g_unlink (wal_tmp);
                }
              g_unlink (tmp);
              return NULL;
            }
        }
      else
        {
          *moved_wal = g_steal_pointer (&wal_dest);
        }
    }

  if (g_rename (tmp, dest) != 0)
    {
      _nb_db_set_errno_error (error, errno, dest, NB_FILE_SAVE);
      g_unlink (tmp);
      if (*moved_wal != NULL)
        {
          g_rename (*moved_wal, wal);
          g_clear_pointer (moved_wal, g_free);
        }
      return NULL;
    }

  if (!fsync_path (dir, TRUE, error))
    {
      /* The copy is there, only perhaps not yet on disk: go on. */
      g_clear_error (error);
    }

  return g_steal_pointer (&dest);
}

gboolean
nb_backup_restore (const char  *db_path,
                   const char  *backup_file,
                   char       **out_safety_copy,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *moved_wal = NULL;
  GStatBuf db_st;
  GStatBuf backup_st;
  gboolean db_exists;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_safety_copy != NULL)
    *out_safety_copy = NULL;

  db_exists = g_stat (db_path, &db_st) == 0;
  if (db_exists && g_stat (backup_file, &backup_st) == 0 &&
      db_st.st_dev == backup_st.st_dev && db_st.st_ino == backup_st.st_ino)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("“%s” is the notebook itself; choose a backup to restore."),
                   backup_file);
      return FALSE;
    }

  dir = g_path_get_dirname (db_path);
  if (!_nb_backup_ensure_dir (dir, error))
    return FALSE;

  copy = checked_copy (backup_file, dir, error);
  if (copy == NULL)
    return FALSE;

  if (db_exists && database_in_use (db_path))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_BUSY,
                   _("“%s” is open in Netbook or another program. Close it and try again; your notebook was not changed."),
                   db_path);
      unlink_with_side_files (copy);
      return FALSE;
    }

  if (db_exists)
    {
      safety = take_safety_copy (db_path, &moved_wal, error);
      if (safety == NULL)
        {
          g_prefix_error (error, _("Could not keep a copy of the current notebook, so it was not replaced: "));
          unlink_with_side_files (copy);
          return FALSE;
        }
    }

  if (g_rename (copy, db_path) != 0)
    {
      int errsv = errno;

      if (moved_wal != NULL)
        {
          g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

          g_rename (moved_wal, wal);
        }
      unlink_with_side_files (copy);
      _nb_db_set_errno_error (error, errsv, db_path, NB_FILE_SAVE);
      g_prefix_error (error, _("The notebook was not replaced: "));
      return FALSE;
    }

  /* The old notebook's side files would be read as the new one's. */
  {
    static const char * const suffixes[] = { "-wal", "-shm", "-journal", NULL };

    for (guint i = 0; suffixes[i] != NULL; i++)
      {
        g_autofree char *side = g_strconcat (db_path, suffixes[i], NULL);

        g_unlink (side);
      }
  }

  if (!fsync_path (dir, TRUE, NULL))
    g_debug ("Could not sync %s after restoring", dir);

  if (out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety);
  return TRUE;
}

/* ---- Async ------------------------------------------------------------- */

static void
restore_result_free (RestoreResult *result)
{
  g_free (result->safety_copy);
  g_free (result);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreTask *restore = task_data;
  RestoreResult *result = g_new0 (RestoreResult, 1);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      restore_result_free (result);
      return;
    }

  if (!nb_backup_restore (restore->db_path, restore->backup_file, &result->safety_copy, &error))
    {
      restore_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) restore_result_free);
}

void
nb_backup_restore_async (const char          *db_path,
                         const char          *backup_file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RestoreTask *restore;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (backup_file != NULL);

  restore = g_new0 (RestoreTask, 1);
  restore->db_path = g_strdup (db_path);
  restore->backup_file = g_strdup (backup_file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_backup_restore_async);
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_task_free);
  g_task_run_in_thread (task, restore_thread);
}

gboolean
nb_backup_restore_finish (GAsyncResult  *result,
                          char         **out_safety_copy,
                          GError       **error)
{
  RestoreResult *done;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, nb_backup_restore_async), FALSE);

  if (out_safety_copy != NULL)
    *out_safety_copy = NULL;

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;

  if (out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&done->safety_copy);
  restore_result_free (done);
  return TRUE;
}
