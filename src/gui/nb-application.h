/* nb-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-store.h"
#include "nb-window.h"

G_BEGIN_DECLS

#define NB_TYPE_APPLICATION (nb_application_get_type ())
G_DECLARE_FINAL_TYPE (NbApplication, nb_application, NB, APPLICATION, AdwApplication)

NbApplication *nb_application_new          (void);
GSettings     *nb_application_get_settings (NbApplication *self);
/* The notebook, or NULL when it could not be opened. */
NbStore       *nb_application_get_store    (NbApplication *self);
/* Where the notebook is: $NETBOOK_DB, else the default path. */
char          *nb_application_dup_db_path  (NbApplication *self);
/* Closes every window and the notebook, for a restore. */
void          nb_application_close_store   (NbApplication *self);
/* Opens the notebook again in a new main window, shown. */
NbWindow      *nb_application_reopen_store (NbApplication *self);

G_END_DECLS
