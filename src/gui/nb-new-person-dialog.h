/* nb-new-person-dialog.h: adds a person, warning of a likely duplicate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_NEW_PERSON_DIALOG (nb_new_person_dialog_get_type ())
/* An alert (nb-dialog.h): AdwAlertDialog on libadwaita 1.5+. */
#if ADW_CHECK_VERSION (1, 5, 0)
G_DECLARE_FINAL_TYPE (NbNewPersonDialog, nb_new_person_dialog, NB, NEW_PERSON_DIALOG, AdwAlertDialog)
#else
G_DECLARE_FINAL_TYPE (NbNewPersonDialog, nb_new_person_dialog, NB, NEW_PERSON_DIALOG, AdwMessageDialog)
#endif

/* Not yet shown: nb_dialog_present() it over @parent. */
GtkWidget  *nb_new_person_dialog_new            (GtkWindow         *parent,
                                                 NbStore           *store);
/* The person already in the notebook that the typed name most likely
 * means, or NULL. */
NbPerson   *nb_new_person_dialog_get_duplicate  (NbNewPersonDialog *self);
/* Fills the fields (for tests and for "add from search"). */
void        nb_new_person_dialog_set_name       (NbNewPersonDialog *self,
                                                 const char        *name);
void        nb_new_person_dialog_set_company    (NbNewPersonDialog *self,
                                                 const char        *company);

/* Signals:
 *   "created" (gint64 person_id): the person was added.
 *   "open-person" (gint64 person_id): the user chose the existing person.
 */

G_END_DECLS
