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
