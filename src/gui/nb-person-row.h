/* nb-person-row.h: one person in the sidebar list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-person.h"

G_BEGIN_DECLS

#define NB_TYPE_PERSON_ROW (nb_person_row_get_type ())
G_DECLARE_FINAL_TYPE (NbPersonRow, nb_person_row, NB, PERSON_ROW, GtkWidget)

GtkWidget *nb_person_row_new        (void);
/* Follows @person's notifications until another person (or NULL) is set. */
void       nb_person_row_set_person (NbPersonRow *self,
                                     NbPerson    *person);
NbPerson  *nb_person_row_get_person (NbPersonRow *self);

G_END_DECLS
