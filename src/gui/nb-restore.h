/* nb-restore.h: putting a backup back, checked and confirmed first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-application.h"
#include "nb-window.h"

G_BEGIN_DECLS

/* Asks for a backup (the chooser opens in the backups folder), then
 * nb_restore_confirm(). */
void     nb_restore_choose          (NbApplication *app,
                                     GtkWindow     *parent);
/* Checks @backup (nb_backup_check(), in a thread), then asks "Replace
 * your notebook with the backup from DATE?"; a file that fails the
 * check is refused with the reason, and nothing changes. */
void     nb_restore_confirm         (NbApplication *app,
                                     GtkWindow     *parent,
                                     const char    *backup);
/* What the confirmation's Restore does: closes the notebook and its
 * window, restores (the current notebook kept as a safety copy), opens
 * the notebook again in a new window and says how it went there. On a
 * failure the old notebook stays. */
void     nb_restore_run             (NbApplication       *app,
                                     const char          *backup,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* TRUE if restored; *@out_safety_copy: where the old notebook went. */
gboolean nb_restore_run_finish      (GAsyncResult        *result,
                                     char               **out_safety_copy,
                                     GError             **error);
/* On the page of a notebook that cannot be opened: a "Restore Backup
 * from DATE…" button when there is a backup of @db_path. */
void     nb_restore_offer_on_error_page (NbApplication *app,
                                         NbWindow      *window,
                                         const char    *db_path);
/* "15 May 2024, 10:30" for a backup file: the time in its name, else
 * when it was last changed. */
char    *nb_restore_dup_backup_date (const char    *backup);

G_END_DECLS
