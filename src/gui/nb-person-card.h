/* nb-person-card.h: the editable card on a person's page.
 *
 * Saved as you go: each row is written to the store on apply, when focus
 * leaves it and after a short pause in typing. A row the user is editing
 * (or whose value was refused) is never overwritten by a reload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_PERSON_CARD (nb_person_card_get_type ())
G_DECLARE_FINAL_TYPE (NbPersonCard, nb_person_card, NB, PERSON_CARD, GtkWidget)

GtkWidget *nb_person_card_new        (void);
void       nb_person_card_set_store  (NbPersonCard *self,
                                      NbStore      *store);
/* Shows @person (NULL clears). Another person first saves what is
 * pending for the current one. */
void       nb_person_card_set_person (NbPersonCard *self,
                                      NbPerson     *person);
/* Saves every pending edit now. */
void       nb_person_card_flush      (NbPersonCard *self);

/* Signals:
 *   "save-failed" (const char *message): the store refused an edit; the
 *     row keeps what was typed and shows the .error style.
 */

G_END_DECLS
