/* nb-event.h: a networking event where several people were met.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NB_TYPE_EVENT (nb_event_get_type ())
G_DECLARE_FINAL_TYPE (NbEvent, nb_event, NB, EVENT, GObject)

NbEvent     *nb_event_new       (const char *name,
                                 const char *date_iso,
                                 const char *place);
gint64       nb_event_get_id    (NbEvent    *self);
void         nb_event_set_id    (NbEvent    *self,
                                 gint64      id);
const char  *nb_event_get_name  (NbEvent    *self);
void         nb_event_set_name  (NbEvent    *self,
                                 const char *name);
const char  *nb_event_get_date  (NbEvent    *self);
void         nb_event_set_date  (NbEvent    *self,
                                 const char *date_iso);
const char  *nb_event_get_place (NbEvent    *self);
void         nb_event_set_place (NbEvent    *self,
                                 const char *place);

G_END_DECLS
