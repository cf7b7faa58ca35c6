/* nb-trust-meter.h: the know-like-trust meter, drawn with GtkSnapshot.
 *
 * Three bars (know, like, trust) with their scores and the stage; a click
 * (or Enter/Space when focused) opens a popover that lists the signals
 * behind each score and the next steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-trust.h"

G_BEGIN_DECLS

#define NB_TYPE_TRUST_METER (nb_trust_meter_get_type ())
G_DECLARE_FINAL_TYPE (NbTrustMeter, nb_trust_meter, NB, TRUST_METER, GtkWidget)

GtkWidget *nb_trust_meter_new          (void);
/* NULL clears the meter. Takes a reference. */
void       nb_trust_meter_set_trust    (NbTrustMeter *self,
                                        NbTrust      *trust);
NbTrust   *nb_trust_meter_get_trust    (NbTrustMeter *self);
/* Compact: three thin bars under each other, for phone width. */
void       nb_trust_meter_set_compact  (NbTrustMeter *self,
                                        gboolean      compact);
gboolean   nb_trust_meter_get_compact  (NbTrustMeter *self);
/* Opens the explanation popover (also what a click does). */
void       nb_trust_meter_show_details (NbTrustMeter *self);
/* The popover's text, as shown (for tests): one line per signal and step. */
char      *nb_trust_meter_dup_details_text (NbTrustMeter *self);

G_END_DECLS
