/* nb-restore.c: putting a backup back, checked and confirmed first.
 *
 * The order keeps the user's notebook safe: the backup is checked
 * before the question is even asked; the store and every window on it
 * are closed (a restore needs the file closed); nb_backup_restore()
 * keeps the current notebook, byte for byte, as a safety copy before it
 * replaces it; and whatever happened, the notebook is opened again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-backup.h"
#include "nb-dialog.h"
#include "nb-file-chooser.h"
#include "nb-restore.h"
#include "nb-window-private.h"

typedef struct {
  NbApplication *app;
  GtkWindow     *parent;
  char          *backup;
  char          *safety_copy;
} Restore;

static void
restore_free (Restore *restore)
{
  g_clear_object (&restore->app);
  g_clear_object (&restore->parent);
  g_free (restore->backup);
  g_free (restore->safety_copy);
  g_free (restore);
}

static void
restore_closure_free (gpointer  data,
                      GClosure *closure)
{
  restore_free (data);
}

static Restore *
restore_new (NbApplication *app,
             GtkWindow     *parent,
             const char    *backup)
{
  Restore *restore = g_new0 (Restore, 1);

  restore->app = g_object_ref (app);
  restore->parent = parent != NULL ? g_object_ref (parent) : NULL;
  restore->backup = g_strdup (backup);

  return restore;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  /* Plain text: the body quotes file names. */
  GtkWidget *dialog = nb_dialog_new_alert (heading, body);

  nb_dialog_add_response (dialog, "close", _("_Close"));
  nb_dialog_present (dialog, GTK_WIDGET (parent));
}

/* ---- Running -------------------------------------------------------- */

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Restore *restore = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  NbWindow *window;

  nb_backup_restore_finish (result, &restore->safety_copy, &error);
  /* Restored or not, the notebook opens again: on a failure it is the
   * old one, untouched. */
  window = nb_application_reopen_store (restore->app);
  g_application_release (G_APPLICATION (restore->app));

  if (error != NULL)
    {
      show_message (GTK_WINDOW (window), _("Could Not Restore the Backup"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (nb_window_get_store (window) != NULL)
    {
      g_autofree char *date = nb_restore_dup_backup_date (restore->backup);
      g_autofree char *escaped = g_markup_escape_text (date, -1);
      /* Translators: %s is a date and time */
      g_autofree char *title = g_strdup_printf (_("Restored the backup from %s"), escaped);

      nb_window_add_toast (window, adw_toast_new (title));
    }
  g_task_return_boolean (task, TRUE);
}

void
nb_restore_run (NbApplication       *app,
                const char          *backup,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autofree char *db_path = NULL;
  GTask *task;

  g_return_if_fail (NB_IS_APPLICATION (app));
  g_return_if_fail (backup != NULL);

  task = g_task_new (app, NULL, callback, user_data);
  g_task_set_source_tag (task, nb_restore_run);
  g_task_set_task_data (task, restore_new (app, NULL, backup), (GDestroyNotify) restore_free);

  db_path = nb_application_dup_db_path (app);
  /* No window left must not end the app half-way. */
  g_application_hold (G_APPLICATION (app));
  nb_application_close_store (app);
  nb_backup_restore_async (db_path, backup, NULL, on_restored_cb, task);
}

gboolean
nb_restore_run_finish (GAsyncResult  *result,
                       char         **out_safety_copy,
                       GError       **error)
{
  Restore *restore;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  restore = g_task_get_task_data (G_TASK (result));
  if (out_safety_copy != NULL)
    *out_safety_copy = g_strdup (restore->safety_copy);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Confirming ----------------------------------------------------- */

static gboolean
run_restore_idle_cb (gpointer data)
{
  Restore *restore = data;

  nb_restore_run (restore->app, restore->backup, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (GtkWidget  *dialog,
                        const char *response,
                        gpointer    user_data)
{
  Restore *restore = user_data;

  /* Once the dialog is done with its response: the restore closes
   * every window, this dialog's parent too. */
  if (g_str_equal (response, "restore"))
    g_idle_add_full (G_PRIORITY_DEFAULT, run_restore_idle_cb,
                     restore_new (restore->app, NULL, restore->backup),
                     (GDestroyNotify) restore_free);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Restore *restore = task_data;
  g_autoptr(GError) error = NULL;

  if (nb_backup_check (restore->backup, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Restore *restore = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_message (restore->parent, _("This Backup Cannot Be Restored"), error->message);
      return;
    }

  date = nb_restore_dup_backup_date (restore->backup);
  /* Translators: %s is a date and time */
  heading = g_strdup_printf (_("Replace your notebook with the backup from %s?"), date);
  dialog = nb_dialog_new_alert (heading, _("Your current notebook will be kept as a backup."));
  nb_dialog_add_responses (dialog,
                           "cancel", _("_Cancel"),
                           "restore", _("_Restore"),
                           NULL);
  nb_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  nb_dialog_set_close_response (dialog, "cancel");
  nb_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response_cb),
                         restore_new (restore->app, NULL, restore->backup),
                         restore_closure_free, 0);
  nb_dialog_present (dialog, GTK_WIDGET (restore->parent));
}

void
nb_restore_confirm (NbApplication *app,
                    GtkWindow     *parent,
                    const char    *backup)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NB_IS_APPLICATION (app));
  g_return_if_fail (backup != NULL);

  task = g_task_new (NULL, NULL, on_checked_cb, NULL);
  g_task_set_source_tag (task, nb_restore_confirm);
  g_task_set_task_data (task, restore_new (app, parent, backup), (GDestroyNotify) restore_free);
  g_task_run_in_thread (task, check_thread);
}

static void
on_backup_chosen_cb (GFile    *file,
                     gpointer  user_data)
{
  Restore *restore = user_data;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_message (restore->parent, _("This Backup Cannot Be Restored"),
                    _("Only files on this computer can be restored."));
      return;
    }
  nb_restore_confirm (restore->app, restore->parent, path);
}

void
nb_restore_choose (NbApplication *app,
                   GtkWindow     *parent)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = nb_file_filter_new (_("Netbook Backups"), "db", NULL);
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (NB_IS_APPLICATION (app));

  db_path = nb_application_dup_db_path (app);
  dir = nb_backup_dir_for (db_path);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (dir);
  g_list_store_append (filters, filter);

  nb_file_chooser_run (parent, NB_FILE_CHOOSER_OPEN, _("Restore a Backup"), _("_Restore"),
                       G_LIST_MODEL (filters), folder, NULL,
                       on_backup_chosen_cb, restore_new (app, parent, NULL),
                       (GDestroyNotify) restore_free);
}

/* ---- The error page ------------------------------------------------- */

typedef struct {
  NbApplication *app;
  char          *backup;
} Offer;

static void
offer_free (gpointer data,
            GClosure *closure)
{
  Offer *offer = data;

  g_clear_object (&offer->app);
  g_free (offer->backup);
  g_free (offer);
}

static void
on_offer_clicked_cb (GtkButton *button,
                     Offer     *offer)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  nb_restore_confirm (offer->app, GTK_WINDOW (root), offer->backup);
}

void
nb_restore_offer_on_error_page (NbApplication *app,
                                NbWindow      *window,
                                const char    *db_path)
{
  g_autofree char *newest = NULL;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  GtkWidget *hint;
  GtkWidget *button;
  Offer *offer;

  g_return_if_fail (NB_IS_APPLICATION (app));
  g_return_if_fail (NB_IS_WINDOW (window));
  g_return_if_fail (db_path != NULL);

  newest = nb_backup_find_newest (db_path);
  if (newest == NULL)
    return;

  date = nb_restore_dup_backup_date (newest);
  /* Translators: %s is a date and time */
  label = g_strdup_printf (_("Restore Backup from %s…"), date);
  button = gtk_button_new_with_label (label);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_name (button, "restore-backup-button");

  offer = g_new0 (Offer, 1);
  offer->app = g_object_ref (app);
  offer->backup = g_steal_pointer (&newest);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_offer_clicked_cb), offer, offer_free, 0);

  /* Below the hint that nothing was changed, above Quit. */
  hint = gtk_widget_get_next_sibling (GTK_WIDGET (window->error_label));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (hint)), button, hint);
}

char *
nb_restore_dup_backup_date (const char *backup)
{
  g_autofree char *dir = g_path_get_dirname (backup);
  g_autoptr(GPtrArray) infos = nb_backup_list (dir, NULL);
  g_autoptr(GDateTime) time = NULL;

  for (guint i = 0; infos != NULL && i < infos->len && time == NULL; i++)
    {
      NbBackupInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (info->path, backup))
        time = g_date_time_ref (info->time);
    }

  if (time == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (backup);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (
            (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));

          time = g_date_time_to_local (utc);
        }
    }
  if (time == NULL)
    return g_strdup (_("an unknown date"));

  /* Translators: a backup's date and time, see strftime(3): "15 May 2024, 10:30" */
  return g_date_time_format (time, _("%-d %B %Y, %H:%M"));
}
