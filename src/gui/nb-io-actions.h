/* nb-io-actions.h: the app's "bring your network in and take it out"
 * actions: import, export, preferences (backups), restore, and the
 * automatic backups at start-up and on quit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-application.h"

G_BEGIN_DECLS

/* app.import (Ctrl+I), app.export (Ctrl+Shift+S), app.preferences
 * (Ctrl+comma), app.back-up-now, app.restore-backup. */
void nb_io_actions_install         (NbApplication *app);
/* A backup if one is due (the settings' interval and keep). @wait: on
 * quit, done before returning; else in a worker thread. */
void nb_io_backup_automatic        (NbApplication *app,
                                    gboolean       wait);

G_END_DECLS
