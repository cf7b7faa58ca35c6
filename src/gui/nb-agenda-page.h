/* nb-agenda-page.h: the home page when nobody is selected: overdue and
 * due-this-week follow-ups, upcoming 1-to-1 meetings, relationships going
 * cold, people met recently with no follow-up yet, and the goodwill
 * summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_AGENDA_PAGE (nb_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (NbAgendaPage, nb_agenda_page, NB, AGENDA_PAGE, AdwBin)

GtkWidget *nb_agenda_page_new     (NbStore      *store);
/* For the window's first frame: the page reads the follow-ups at first,
 * the top of the page (and, when there are none, all the rest, which
 * decides whether there is an agenda at all); nb_agenda_page_complete()
 * reads what is below them. */
GtkWidget *nb_agenda_page_new_first_screen (NbStore      *store);
void       nb_agenda_page_complete         (NbAgendaPage *self);
/* Recomputes everything (the page also does it on store changes and when
 * the day changes). */
void       nb_agenda_page_refresh (NbAgendaPage *self);
/* How many follow-ups are overdue right now (for the sidebar's summary). */
guint      nb_agenda_page_get_n_overdue (NbAgendaPage *self);

/* Signals:
 *   "open-person" (gint64 person_id)
 *   "toast" (AdwToast *toast)
 */

G_END_DECLS
