/* nb-backup.c: taking, listing and rotating backups (see nb-backup.h).
 *
 * A backup's time is read from its name, not from the file's times,
 * which copying or syncing the folder elsewhere would change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-backup-private.h"
#include "nb-export-private.h"

/* "YYYY-MM-DD-HHMMSS" */
#define STAMP_LENGTH 17

typedef struct
{
  char  *db_path;
  guint  interval_days;
  guint  keep;
} BackupTask;

typedef struct
{
  NbBackupInfo *info;
  guint         sequence;  /* the "-N" suffix, 1 without */
} Listed;

static void
backup_task_free (BackupTask *task)
{
  g_free (task->db_path);
  g_free (task);
}

void
nb_backup_info_free (NbBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

char *
nb_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

gboolean
_nb_backup_ensure_dir (const char  *dir,
                       GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      _nb_db_set_errno_error (error, errno, dir, NB_FILE_CREATE);
      return FALSE;
    }

  return TRUE;
}

char *
_nb_backup_new_path (const char *dir,
                     const char *prefix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  char *path = NULL;

  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s%s.db", prefix, stamp)
                                     : g_strdup_printf ("%s%s-%u.db", prefix, stamp, n);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }

  return path;
}

/* ---- Listing ----------------------------------------------------------- */

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Parses "<prefix>YYYY-MM-DD-HHMMSS[-N].db". */
static gboolean
parse_name (const char    *name,
            NbBackupKind  *kind,
            GDateTime    **time,
            guint         *sequence)
{
  const char *stamp;
  const char *rest;
  int year, month, day, hour, minute, second;

  if (g_str_has_prefix (name, NB_BACKUP_SAFETY_PREFIX))
    {
      *kind = NB_BACKUP_SAFETY_COPY;
      stamp = name + strlen (NB_BACKUP_SAFETY_PREFIX);
    }
  else if (g_str_has_prefix (name, NB_BACKUP_PREFIX))
    {
      *kind = NB_BACKUP_REGULAR;
      stamp = name + strlen (NB_BACKUP_PREFIX);
    }
  else
    {
      return FALSE;
    }

  if (strlen (stamp) < STAMP_LENGTH ||
      !all_digits (stamp, 4) || stamp[4] != '-' || !all_digits (stamp + 5, 2) ||
      stamp[7] != '-' || !all_digits (stamp + 8, 2) || stamp[10] != '-' ||
      !all_digits (stamp + 11, 6))
    return FALSE;

  rest = stamp + STAMP_LENGTH;
  *sequence = 1;
  if (*rest == '-')
    {
      gsize n = strspn (rest + 1, "0123456789");

      if (n == 0 || n > 6)
        return FALSE;
      *sequence = 0;
      for (gsize i = 1; i <= n; i++)
        *sequence = *sequence * 10 + (guint) (rest[i] - '0');
      if (*sequence < 2)
        return FALSE;
      rest += 1 + n;
    }
  if (!g_str_equal (rest, ".db"))
    return FALSE;

  year = atoi (stamp);
  month = atoi (stamp + 5);
  day = atoi (stamp + 8);
  hour = (stamp[11] - '0') * 10 + (stamp[12] - '0');
  minute = (stamp[13] - '0') * 10 + (stamp[14] - '0');
  second = (stamp[15] - '0') * 10 + (stamp[16] - '0');

  *time = g_date_time_new_local (year, month, day, hour, minute, second);
  return *time != NULL;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Listed *la = a;
  const Listed *lb = b;
  int cmp = g_date_time_compare (lb->info->time, la->info->time);

  if (cmp != 0)
    return cmp;
  if (la->sequence != lb->sequence)
    return la->sequence > lb->sequence ? -1 : 1;
  return strcmp (lb->info->path, la->info->path);
}

GPtrArray *
nb_backup_list (const char  *dir,
                GError     **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_backup_info_free);
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (Listed));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  folder = g_dir_open (dir, 0, &local_error);
  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&infos);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      Listed item = { NULL, 1 };
      NbBackupKind kind;
      GDateTime *time = NULL;
      g_autofree char *path = NULL;

      if (!parse_name (name, &kind, &time, &item.sequence))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_date_time_unref (time);
          continue;
        }

      item.info = g_new0 (NbBackupInfo, 1);
      item.info->path = g_steal_pointer (&path);
      item.info->time = time;
      item.info->kind = kind;
      g_array_append_val (listed, item);
    }

  g_array_sort (listed, compare_newest_first);
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (infos, g_array_index (listed, Listed, i).info);

  return g_steal_pointer (&infos);
}

char *
nb_backup_find_newest (const char *db_path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = nb_backup_dir_for (db_path);
  infos = nb_backup_list (dir, NULL);
  for (guint i = 0; infos != NULL && i < infos->len; i++)
    {
      NbBackupInfo *info = g_ptr_array_index (infos, i);

      if (info->kind == NB_BACKUP_REGULAR)
        return g_strdup (info->path);
    }

  return NULL;
}

/* ---- Taking and rotating ----------------------------------------------- */

/* A backup is written as ".<its name>.tmp-" and six random characters
 * until it is whole (_nb_db_backup_to()), a safety copy as
 * ".netbook-safety-" or ".netbook-safety-wal-" and six in the backups
 * folder, and a restore's copy as ".netbook-restore-" or
 * ".netbook-restore-wal-" and six beside the notebook
 * (nb-backup-restore.c, mkstemp() templates): the copy of a process killed meanwhile stays
 * behind, hidden and as big as the notebook. Those not written to for
 * an hour go: none takes that long, so none of them is one that another
 * process is still writing. */
#define ABANDONED_COPY_SECONDS 3600

static gboolean
is_copy_name (const char *name)
{
  static const char * const copy_prefixes[] = {
    ".netbook-safety-", ".netbook-safety-wal-", ".netbook-restore-", ".netbook-restore-wal-",
  };
  const char *tmp = g_strrstr (name, ".tmp-");
  g_autofree char *backup_name = NULL;
  GDateTime *time = NULL;
  NbBackupKind kind;
  guint sequence;

  for (guint i = 0; i < G_N_ELEMENTS (copy_prefixes); i++)
    {
      if (g_str_has_prefix (name, copy_prefixes[i]) &&
          strlen (name + strlen (copy_prefixes[i])) == 6)
        return TRUE;
    }

  if (name[0] != '.' || tmp == NULL || strlen (tmp + strlen (".tmp-")) != 6)
    return FALSE;

  backup_name = g_strndup (name + 1, (gsize) (tmp - name - 1));
  if (!parse_name (backup_name, &kind, &time, &sequence))
    return FALSE;

  g_date_time_unref (time);
  return TRUE;
}

static void
remove_abandoned_copies (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_copy_name (name))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
          now - (gint64) st.st_mtime < ABANDONED_COPY_SECONDS)
        continue;

      if (g_unlink (path) != 0)
        g_debug ("Could not remove the abandoned copy %s: %s", path, g_strerror (errno));
    }
}

gboolean
nb_backup_rotate (const char  *dir,
                  guint        keep,
                  GError     **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  guint kept = 0;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  remove_abandoned_copies (dir);

  if (keep == 0)
    return TRUE;

  infos = nb_backup_list (dir, error);
  if (infos == NULL)
    return FALSE;

  for (guint i = 0; i < infos->len; i++)
    {
      NbBackupInfo *info = g_ptr_array_index (infos, i);

      if (info->kind != NB_BACKUP_REGULAR || ++kept <= keep)
        continue;

      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                       _("Could not remove the old backup “%s”: %s."),
                       info->path, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

char *
nb_backup_now (NbStore  *store,
               GError  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = nb_backup_dir_for (nb_store_get_path (store));
  if (!_nb_backup_ensure_dir (dir, error))
    return NULL;

  path = _nb_backup_new_path (dir, NB_BACKUP_PREFIX);
  if (!nb_store_backup (store, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

/* The same as nb_backup_now() through a connection of its own. */
static char *
backup_path_now (const char  *db_path,
                 GError     **error)
{
  g_autofree char *dir = nb_backup_dir_for (db_path);
  g_autofree char *path = NULL;
  sqlite3 *db;
  gboolean ok;

  if (!_nb_backup_ensure_dir (dir, error))
    return NULL;

  db = _nb_export_open_reader (db_path, error);
  if (db == NULL)
    return NULL;

  path = _nb_backup_new_path (dir, NB_BACKUP_PREFIX);
  ok = _nb_db_backup_to (db, db_path, path, error);
  sqlite3_close (db);

  return ok ? g_steal_pointer (&path) : NULL;
}

static gboolean
backup_is_due (const char *db_path,
               guint       interval_days)
{
  g_autofree char *dir = nb_backup_dir_for (db_path);
  g_autoptr(GPtrArray) infos = nb_backup_list (dir, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (interval_days == 0)
    return FALSE;

  for (guint i = 0; infos != NULL && i < infos->len; i++)
    {
      NbBackupInfo *info = g_ptr_array_index (infos, i);
      GTimeSpan age;

      if (info->kind != NB_BACKUP_REGULAR)
        continue;

      age = g_date_time_difference (now, info->time);
      /* A backup from the future (the clock was wrong) does not count. */
      return age < 0 || age >= (GTimeSpan) interval_days * G_TIME_SPAN_DAY;
    }

  return TRUE;
}

typedef char *(*BackupFunc) (gpointer     source,
                             GError     **error);

static gboolean
maybe_automatic (const char  *db_path,
                 BackupFunc   func,
                 gpointer     source,
                 guint        interval_days,
                 guint        keep,
                 char       **out_path,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = nb_backup_dir_for (db_path);
  g_autofree char *notebook_dir = g_path_get_dirname (db_path);

  if (out_path != NULL)
    *out_path = NULL;

  /* At every start and quit, due or not. */
  remove_abandoned_copies (notebook_dir);
  remove_abandoned_copies (dir);

  if (!backup_is_due (db_path, interval_days))
    return TRUE;

  path = func (source, error);
  if (path == NULL)
    return FALSE;

  if (!nb_backup_rotate (dir, keep, error))
    return FALSE;

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

gboolean
nb_backup_maybe_automatic (NbStore  *store,
                           guint     interval_days,
                           guint     keep,
                           char    **out_path,
                           GError  **error)
{
  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return maybe_automatic (nb_store_get_path (store), (BackupFunc) nb_backup_now, store,
                          interval_days, keep, out_path, error);
}

/* ---- Async ------------------------------------------------------------- */

static void
now_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  BackupTask *backup = task_data;
  GError *error = NULL;
  char *path;

  if (g_task_return_error_if_cancelled (task))
    return;

  path = backup_path_now (backup->db_path, &error);
  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
automatic_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BackupTask *backup = task_data;
  GError *error = NULL;
  char *path = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!maybe_automatic (backup->db_path, (BackupFunc) backup_path_now, backup->db_path,
                        backup->interval_days, backup->keep, &path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path != NULL ? path : g_strdup (""), g_free);
}

static GTask *
backup_task_new (NbStore             *store,
                 guint                interval_days,
                 guint                keep,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  BackupTask *backup = g_new0 (BackupTask, 1);

  backup->db_path = g_strdup (nb_store_get_path (store));
  backup->interval_days = interval_days;
  backup->keep = keep;
  g_task_set_task_data (task, backup, (GDestroyNotify) backup_task_free);

  return task;
}

void
nb_backup_now_async (NbStore             *store,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NB_IS_STORE (store));

  task = backup_task_new (store, 0, 0, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_backup_now_async);
  g_task_run_in_thread (task, now_thread);
}

char *
nb_backup_now_finish (NbStore       *store,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (NB_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, nb_backup_now_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
nb_backup_maybe_automatic_async (NbStore             *store,
                                 guint                interval_days,
                                 guint                keep,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NB_IS_STORE (store));

  task = backup_task_new (store, interval_days, keep, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_backup_maybe_automatic_async);
  g_task_run_in_thread (task, automatic_thread);
}

gboolean
nb_backup_maybe_automatic_finish (NbStore       *store,
                                  GAsyncResult  *result,
                                  char         **out_path,
                                  GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, nb_backup_maybe_automatic_async), FALSE);

  path = g_task_propagate_pointer (G_TASK (result), error);
  if (out_path != NULL)
    *out_path = NULL;
  if (path == NULL)
    return FALSE;

  if (out_path != NULL && *path != '\0')
    *out_path = g_steal_pointer (&path);
  return TRUE;
}
