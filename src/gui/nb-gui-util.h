/* nb-gui-util.h: small helpers shared by Netbook's widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-person.h"

G_BEGIN_DECLS

/* Shows @person in @avatar: initials taken from the letters of the name
 * (so "<b>Bob</b> & Sons" gives "BS", not "<S"), colour from the name. */
void nb_avatar_set_person (AdwAvatar *avatar,
                           NbPerson  *person);

G_END_DECLS
