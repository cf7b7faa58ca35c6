/* nb-dialog.h: alert dialogs on every libadwaita Netbook runs on.
 *
 * libadwaita 1.2 (Debian 12) has AdwMessageDialog, a window of its own;
 * 1.5 and later have AdwAlertDialog, shown inside its parent window,
 * and deprecate the other. These wrap whichever the build has, so the
 * callers stay one path. A dialog here is a GtkWidget: AdwMessageDialog
 * or AdwAlertDialog. Both emit the same detailed "response" signal,
 * (dialog, const char *response), and both close themselves when a
 * response button is clicked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#if ADW_CHECK_VERSION (1, 5, 0)
# define NB_TYPE_ALERT_DIALOG ADW_TYPE_ALERT_DIALOG
#else
# define NB_TYPE_ALERT_DIALOG ADW_TYPE_MESSAGE_DIALOG
#endif
#define NB_IS_ALERT_DIALOG(obj) (G_TYPE_CHECK_INSTANCE_TYPE ((obj), NB_TYPE_ALERT_DIALOG))

/* A new alert, not yet shown; @body may be NULL. Plain text. */
GtkWidget  *nb_dialog_new_alert               (const char            *heading,
                                               const char            *body);
/* Shows @dialog over @parent's window (@parent may be NULL). */
void        nb_dialog_present                 (GtkWidget             *dialog,
                                               GtkWidget             *parent);
/* Closes @dialog as Escape does: with the close response. */
void        nb_dialog_close                   (GtkWidget             *dialog);
/* Emits the "response" signal with @response, as
 * adw_message_dialog_response() does; it does not close @dialog. */
void        nb_dialog_response                (GtkWidget             *dialog,
                                               const char            *response);

const char *nb_dialog_get_heading             (GtkWidget             *dialog);
void        nb_dialog_set_heading             (GtkWidget             *dialog,
                                               const char            *heading);
const char *nb_dialog_get_body                (GtkWidget             *dialog);
void        nb_dialog_set_body                (GtkWidget             *dialog,
                                               const char            *body);
void        nb_dialog_set_extra_child         (GtkWidget             *dialog,
                                               GtkWidget             *child);

void        nb_dialog_add_response            (GtkWidget             *dialog,
                                               const char            *id,
                                               const char            *label);
/* Pairs of id and label, ending with NULL. */
void        nb_dialog_add_responses           (GtkWidget             *dialog,
                                               const char            *first_id,
                                               ...) G_GNUC_NULL_TERMINATED;
gboolean    nb_dialog_has_response            (GtkWidget             *dialog,
                                               const char            *id);
AdwResponseAppearance
            nb_dialog_get_response_appearance (GtkWidget             *dialog,
                                               const char            *id);
void        nb_dialog_set_response_appearance (GtkWidget             *dialog,
                                               const char            *id,
                                               AdwResponseAppearance  appearance);
gboolean    nb_dialog_get_response_enabled    (GtkWidget             *dialog,
                                               const char            *id);
void        nb_dialog_set_response_enabled    (GtkWidget             *dialog,
                                               const char            *id,
                                               gboolean               enabled);
const char *nb_dialog_get_default_response    (GtkWidget             *dialog);
void        nb_dialog_set_default_response    (GtkWidget             *dialog,
                                               const char            *id);
const char *nb_dialog_get_close_response      (GtkWidget             *dialog);
void        nb_dialog_set_close_response      (GtkWidget             *dialog,
                                               const char            *id);

G_END_DECLS
