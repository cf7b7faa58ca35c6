/* nb-person-page.h: one person's page: the card, the know-like-trust
 * meter, dreams / challenges / needs, follow-ups and the timeline with its
 * composer. The window owns the header bar above it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_PERSON_PAGE (nb_person_page_get_type ())
G_DECLARE_FINAL_TYPE (NbPersonPage, nb_person_page, NB, PERSON_PAGE, AdwBin)

GtkWidget *nb_person_page_new            (NbStore      *store);
NbStore   *nb_person_page_get_store      (NbPersonPage *self);
/* Shows @person_id (0 = nobody); reloads when the store says it changed. */
void       nb_person_page_set_person_id  (NbPersonPage *self,
                                          gint64        person_id);
gint64     nb_person_page_get_person_id  (NbPersonPage *self);
/* Opens the composer with @kind selected and focuses its text. */
void       nb_person_page_compose        (NbPersonPage *self,
                                          NbEntryKind   kind);

/* Signals:
 *   "open-person" (gint64 person_id): the user followed a link to another
 *     person (an introduction, "introduced by").
 *   "toast" (AdwToast *toast): show this toast (undo after a delete…).
 */

G_END_DECLS
