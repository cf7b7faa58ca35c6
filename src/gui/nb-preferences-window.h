/* nb-preferences-window.h: Preferences: backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-application.h"
#include "nb-window.h"

G_BEGIN_DECLS

#define NB_TYPE_PREFERENCES_WINDOW (nb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, NB, PREFERENCES_WINDOW, AdwPreferencesWindow)

NbPreferencesWindow *nb_preferences_window_new (NbApplication *app,
                                                NbWindow      *parent);
/* What "Back Up Now" does; @callback may be NULL. */
void     nb_preferences_window_back_up_now_async  (NbPreferencesWindow *self,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* The new backup's path, or NULL with @error set. */
char    *nb_preferences_window_back_up_now_finish (NbPreferencesWindow *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
