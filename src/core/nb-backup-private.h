/* nb-backup-private.h: what nb-backup.c (taking and rotating backups)
 * and nb-backup-restore.c (checking and restoring them) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-backup.h"

G_BEGIN_DECLS

#define NB_BACKUP_PREFIX "netbook-"
#define NB_BACKUP_SAFETY_PREFIX "netbook-before-restore-"

/* Creates @dir (0700) if it does not exist. */
gboolean  _nb_backup_ensure_dir (const char  *dir,
                                 GError     **error);
/* "<dir>/<prefix>YYYY-MM-DD-HHMMSS.db" for now, with "-N" before ".db"
 * if that name is taken. */
char     *_nb_backup_new_path   (const char  *dir,
                                 const char  *prefix);

G_END_DECLS
