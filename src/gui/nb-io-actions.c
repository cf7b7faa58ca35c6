/* nb-io-actions.c: the app's "bring your network in and take it out"
 * actions, and the automatic backups.
 *
 * They are app actions so that every window (the main window, the
 * capture window, Preferences) reaches them with the same shortcut;
 * each works on the main window and its notebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-backup.h"
#include "nb-export-dialog.h"
#include "nb-import-dialog.h"
#include "nb-io-actions.h"
#include "nb-preferences-window.h"
#include "nb-restore.h"
#include "nb-window.h"

/* The main window: the active one if it is, else the first. */
static NbWindow *
find_main_window (NbApplication *app)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (NB_IS_WINDOW (active))
    return NB_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (NB_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  NbWindow *window = find_main_window (user_data);
  NbImportDialog *dialog;

  if (window == NULL || nb_window_get_store (window) == NULL)
    return;

  dialog = nb_import_dialog_new (GTK_WINDOW (window), nb_window_get_store (window));
  nb_import_dialog_choose_file (dialog);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  NbWindow *window = find_main_window (user_data);

  if (window != NULL)
    nb_export_dialog_run (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  NbWindow *window = find_main_window (user_data);

  if (window != NULL)
    nb_preferences_window_present (nb_preferences_window_new (user_data, window));
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  NbApplication *app = user_data;

  nb_restore_choose (app, gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static const GActionEntry io_actions[] = {
  { "import", import_action, NULL, NULL, NULL, { 0 } },
  { "export", export_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "restore-backup", restore_backup_action, NULL, NULL, NULL, { 0 } },
};

void
nb_io_actions_install (NbApplication *app)
{
  /* Keep ui/gtk/help-overlay.ui in step with these. */
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *export_accels[] = { "<Control><Shift>s", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  g_return_if_fail (NB_IS_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), io_actions, G_N_ELEMENTS (io_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
on_automatic_backup_done_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!nb_backup_maybe_automatic_finish (NB_STORE (source), result, &path, &error))
    g_message ("Automatic backup failed: %s", error->message);
  else if (path != NULL)
    g_debug ("Automatic backup: %s", path);
}

void
nb_io_backup_automatic (NbApplication *app,
                        gboolean       wait)
{
  NbStore *store;
  GSettings *settings;
  guint interval;
  guint keep;

  g_return_if_fail (NB_IS_APPLICATION (app));

  store = nb_application_get_store (app);
  settings = nb_application_get_settings (app);
  if (store == NULL || settings == NULL)
    return;

  interval = (guint) MAX (0, g_settings_get_int (settings, "backup-interval-days"));
  keep = (guint) MAX (1, g_settings_get_int (settings, "backup-keep"));
  if (interval == 0)
    return;

  if (wait)
    {
      g_autoptr(GError) error = NULL;

      if (!nb_backup_maybe_automatic (store, interval, keep, NULL, &error))
        g_message ("Automatic backup failed: %s", error->message);
    }
  else
    nb_backup_maybe_automatic_async (store, interval, keep, NULL,
                                     on_automatic_backup_done_cb, NULL);
}
