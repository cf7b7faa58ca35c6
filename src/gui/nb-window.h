/* nb-window.h: Netbook's main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_WINDOW (nb_window_get_type ())
G_DECLARE_FINAL_TYPE (NbWindow, nb_window, NB, WINDOW, AdwApplicationWindow)

/* @store may be NULL when the database could not be opened: show the
 * error with nb_window_show_store_error(). */
NbWindow   *nb_window_new              (AdwApplication *application,
                                        GSettings      *settings,
                                        NbStore        *store);
NbStore    *nb_window_get_store        (NbWindow       *self);
/* A clear page instead of the notebook: what happened, where the file
 * is, what to do. Nothing is written. */
void        nb_window_show_store_error (NbWindow       *self,
                                        const GError   *error);
/* Opens a person's page (0 = the agenda). */
void        nb_window_show_person      (NbWindow       *self,
                                        gint64          person_id);
/* Opens a person's pre-meeting briefing (0 = the agenda). */
void        nb_window_show_briefing    (NbWindow       *self,
                                        gint64          person_id);
/* What `netbook --brief NAME` does: the briefing of the person @name
 * resolves to (nb_store_resolve_person()), or, for an unknown or
 * ambiguous name, the search filled in with @name so the user picks.
 * Returns TRUE if a briefing was opened. */
gboolean    nb_window_brief            (NbWindow       *self,
                                        const char     *name);
/* What the content shows: "agenda", "person" or "briefing". */
const char *nb_window_get_view         (NbWindow       *self);
gint64      nb_window_get_person_id    (NbWindow       *self);
/* Shows @toast in the window's toast overlay. */
void        nb_window_add_toast        (NbWindow       *self,
                                        AdwToast       *toast);
/* The people list as shown (after search, filters and sorting). */
GListModel *nb_window_get_visible_people (NbWindow     *self);
/* Starts a search as if typed. */
void        nb_window_search           (NbWindow       *self,
                                        const char     *text);

G_END_DECLS
