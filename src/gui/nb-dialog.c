/* nb-dialog.c: alert dialogs on every libadwaita Netbook runs on.
 *
 * The only place that knows whether an alert is an AdwMessageDialog
 * (libadwaita < 1.5) or an AdwAlertDialog (1.5 and later).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-dialog.h"

#if ADW_CHECK_VERSION (1, 5, 0)
# define ALERT(dialog) ADW_ALERT_DIALOG (dialog)
# define ALERT_CALL(name, dialog, ...) adw_alert_dialog_##name (ALERT (dialog), ##__VA_ARGS__)
#else
# define ALERT(dialog) ADW_MESSAGE_DIALOG (dialog)
# define ALERT_CALL(name, dialog, ...) adw_message_dialog_##name (ALERT (dialog), ##__VA_ARGS__)
#endif

GtkWidget *
nb_dialog_new_alert (const char *heading,
                     const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

void
nb_dialog_present (GtkWidget *dialog,
                   GtkWidget *parent)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), parent);
#else
  {
    GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
    gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
    gtk_window_present (GTK_WINDOW (dialog));
  }
#endif
}

void
nb_dialog_close (GtkWidget *dialog)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_close (ADW_DIALOG (dialog));
#else
  gtk_window_close (GTK_WINDOW (dialog));
#endif
}

void
nb_dialog_response (GtkWidget  *dialog,
                    const char *response)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  g_return_if_fail (response != NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  /* AdwAlertDialog has no public call for it: the signal is the API. */
  g_signal_emit (dialog, g_signal_lookup ("response", ADW_TYPE_ALERT_DIALOG),
                 g_quark_from_string (response), response);
#else
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
#endif
}

const char *
nb_dialog_get_heading (GtkWidget *dialog)
{
  g_return_val_if_fail (NB_IS_ALERT_DIALOG (dialog), NULL);
  return ALERT_CALL (get_heading, dialog);
}

void
nb_dialog_set_heading (GtkWidget  *dialog,
                       const char *heading)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (set_heading, dialog, heading);
}

const char *
nb_dialog_get_body (GtkWidget *dialog)
{
  g_return_val_if_fail (NB_IS_ALERT_DIALOG (dialog), NULL);
  return ALERT_CALL (get_body, dialog);
}

void
nb_dialog_set_body (GtkWidget  *dialog,
                    const char *body)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (set_body, dialog, body);
}

void
nb_dialog_set_extra_child (GtkWidget *dialog,
                           GtkWidget *child)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (set_extra_child, dialog, child);
}

void
nb_dialog_add_response (GtkWidget  *dialog,
                        const char *id,
                        const char *label)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (add_response, dialog, id, label);
}

void
nb_dialog_add_responses (GtkWidget  *dialog,
                         const char *first_id,
                         ...)
{
  va_list args;

  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    nb_dialog_add_response (dialog, id, va_arg (args, const char *));
  va_end (args);
}

gboolean
nb_dialog_has_response (GtkWidget  *dialog,
                        const char *id)
{
  g_return_val_if_fail (NB_IS_ALERT_DIALOG (dialog), FALSE);
  return ALERT_CALL (has_response, dialog, id);
}

AdwResponseAppearance
nb_dialog_get_response_appearance (GtkWidget  *dialog,
                                   const char *id)
{
  g_return_val_if_fail (NB_IS_ALERT_DIALOG (dialog), ADW_RESPONSE_DEFAULT);
  return ALERT_CALL (get_response_appearance, dialog, id);
}

void
nb_dialog_set_response_appearance (GtkWidget             *dialog,
                                   const char            *id,
                                   AdwResponseAppearance  appearance)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (set_response_appearance, dialog, id, appearance);
}

gboolean
nb_dialog_get_response_enabled (GtkWidget  *dialog,
                                const char *id)
{
  g_return_val_if_fail (NB_IS_ALERT_DIALOG (dialog), FALSE);
  return ALERT_CALL (get_response_enabled, dialog, id);
}

void
nb_dialog_set_response_enabled (GtkWidget  *dialog,
                                const char *id,
                                gboolean    enabled)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (set_response_enabled, dialog, id, enabled);
}

const char *
nb_dialog_get_default_response (GtkWidget *dialog)
{
  g_return_val_if_fail (NB_IS_ALERT_DIALOG (dialog), NULL);
  return ALERT_CALL (get_default_response, dialog);
}

void
nb_dialog_set_default_response (GtkWidget  *dialog,
                                const char *id)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (set_default_response, dialog, id);
}

const char *
nb_dialog_get_close_response (GtkWidget *dialog)
{
  g_return_val_if_fail (NB_IS_ALERT_DIALOG (dialog), NULL);
  return ALERT_CALL (get_close_response, dialog);
}

void
nb_dialog_set_close_response (GtkWidget  *dialog,
                              const char *id)
{
  g_return_if_fail (NB_IS_ALERT_DIALOG (dialog));
  ALERT_CALL (set_close_response, dialog, id);
}
