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
/* An AdwPreferencesDialog on libadwaita 1.5+, else an
 * AdwPreferencesWindow: use the calls below, not the parent's. */
#if ADW_CHECK_VERSION (1, 5, 0)
G_DECLARE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, NB, PREFERENCES_WINDOW, AdwPreferencesDialog)
#else
G_DECLARE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, NB, PREFERENCES_WINDOW, AdwPreferencesWindow)
#endif

/* Not yet shown; @parent is what it is shown over. */
NbPreferencesWindow *nb_preferences_window_new (NbApplication *app,
                                                NbWindow      *parent);
void     nb_preferences_window_present (NbPreferencesWindow *self);
/* Closes it, shown or not. */
void     nb_preferences_window_destroy (NbPreferencesWindow *self);
/* What "Back Up Now" does; @callback may be NULL. */
void     nb_preferences_window_back_up_now_async  (NbPreferencesWindow *self,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* The new backup's path, or NULL with @error set. */
char    *nb_preferences_window_back_up_now_finish (NbPreferencesWindow *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
