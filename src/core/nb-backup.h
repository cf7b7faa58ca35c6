/* nb-backup.h: rotating backups of the notebook, and restoring one.
 *
 * Backups live in a "backups" folder beside the database (0700), one
 * self-contained SQLite file each (0600), named after the local time
 * they were taken: "netbook-2024-05-15-103000.db" (a "-2" suffix if two
 * fall in the same second). They are consistent copies made through
 * SQLite's online backup API while the notebook is in use.
 *
 * Restoring replaces the database file, so the store on it must be
 * closed first: the app closes its NbStore, calls nb_backup_restore()
 * (or the async variant) and opens the store again. The backup is
 * checked before anything is touched, the current database is kept as
 * a safety copy ("netbook-before-restore-….db" in the backups folder,
 * never rotated away), and the file is replaced atomically: whatever
 * fails, the user is never left without a notebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nb-store.h"

G_BEGIN_DECLS

typedef enum {
  NB_BACKUP_REGULAR,      /* automatic or "Back Up Now" */
  NB_BACKUP_SAFETY_COPY,  /* the notebook as it was before a restore */
} NbBackupKind;

typedef struct {
  char         *path;
  GDateTime    *time;   /* when it was taken (from its name), local time */
  NbBackupKind  kind;
} NbBackupInfo;

void          nb_backup_info_free       (NbBackupInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbBackupInfo, nb_backup_info_free)

/* "<folder of @db_path>/backups" (newly allocated; not created). */
char         *nb_backup_dir_for         (const char    *db_path);

/* A backup of @store into its backups folder (created 0700 if needed).
 * Returns the new file's path. */
char         *nb_backup_now             (NbStore       *store,
                                         GError       **error);
/* Deletes the oldest regular backups in @dir so that the @keep newest
 * remain; safety copies are never deleted. @keep 0 keeps everything. A
 * missing @dir is not an error. Also deletes the half-written copies
 * of backups whose process was killed, once an hour old. */
gboolean      nb_backup_rotate          (const char    *dir,
                                         guint          keep,
                                         GError       **error);
/* What the app does at start-up and on quit: removes the copies a
 * killed backup, safety copy or restore left behind (an hour old), then
 * takes a backup if the newest regular one is @interval_days or more
 * old (or there is none), then rotates to @keep. @interval_days 0 turns automatic backups off.
 * *@out_path (may be NULL) receives the new backup's path, or NULL when
 * none was due. */
gboolean      nb_backup_maybe_automatic (NbStore       *store,
                                         guint          interval_days,
                                         guint          keep,
                                         char         **out_path,
                                         GError       **error);
/* NbBackupInfo* in @dir, newest first; empty if @dir does not exist. */
GPtrArray    *nb_backup_list            (const char    *dir,
                                         GError       **error);
/* The newest regular backup of the notebook at @db_path, or NULL: what
 * to offer when the notebook cannot be opened. */
char         *nb_backup_find_newest     (const char    *db_path);

/* Whether @backup_file could be restored: the same checks as
 * nb_store_open() (whole SQLite file, integrity, Netbook's, not newer),
 * run on a private copy so that @backup_file is never written to. */
gboolean      nb_backup_check           (const char    *backup_file,
                                         GError       **error);
/* Replaces the notebook at @db_path by @backup_file, which must pass
 * nb_backup_check(). The store on @db_path must be closed (refused with
 * NB_STORE_ERROR_BUSY while any connection has it open). The current
 * notebook, if any, becomes a safety copy whose path goes to
 * *@out_safety_copy (may be NULL). An older notebook format is brought
 * up to date on the way. */
gboolean      nb_backup_restore         (const char    *db_path,
                                         const char    *backup_file,
                                         char         **out_safety_copy,
                                         GError       **error);

/* The same in a worker thread. Backups read the notebook through a
 * read-only connection of their own, so @store stays usable. */
void          nb_backup_now_async       (NbStore             *store,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
char         *nb_backup_now_finish      (NbStore             *store,
                                         GAsyncResult        *result,
                                         GError             **error);
void          nb_backup_maybe_automatic_async  (NbStore             *store,
                                                guint                interval_days,
                                                guint                keep,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* TRUE on success; *@out_path as for nb_backup_maybe_automatic(). */
gboolean      nb_backup_maybe_automatic_finish (NbStore             *store,
                                                GAsyncResult        *result,
                                                char               **out_path,
                                                GError             **error);
void          nb_backup_restore_async   (const char          *db_path,
                                         const char          *backup_file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean      nb_backup_restore_finish  (GAsyncResult        *result,
                                         char               **out_safety_copy,
                                         GError             **error);

G_END_DECLS
