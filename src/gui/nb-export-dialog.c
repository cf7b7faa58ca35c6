/* nb-export-dialog.c: taking the network out: pick a format, then where.
 *
 * The export runs in a worker thread on a read-only connection of its
 * own (nb_export_to_file_async()), so the window stays usable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-dialog.h"
#include "nb-export-dialog.h"
#include "nb-file-chooser.h"

typedef struct {
  NbWindow       *window;
  NbExportFormat  format;
  guint           n_people;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_free (export);
}

static guint
count_people (NbStore *store)
{
  g_autoptr(GListModel) people = nb_store_get_people_model (store);

  return g_list_model_get_n_items (people);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!nb_export_to_file_finish (NB_STORE (source), result, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      /* Translators: %s is why, e.g. "Permission denied" */
      title = g_strdup_printf (_("Could not export: %s"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      nb_window_add_toast (export->window, toast);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  title = g_strdup_printf (ngettext ("Exported %u person", "Exported %u people", export->n_people),
                           export->n_people);
  nb_window_add_toast (export->window, adw_toast_new (title));
  g_task_return_boolean (task, TRUE);
}

static void
on_dest_chosen_cb (GFile    *file,
                   gpointer  user_data)
{
  Export *export = user_data;

  if (file != NULL)
    nb_export_dialog_export_async (export->window, export->format, file, NULL, NULL);
}

static void
choose_dest (NbWindow       *window,
             NbExportFormat  format)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  const char *ext = nb_export_format_get_extension (format);
  g_autofree char *name = NULL;
  Export *export = g_new0 (Export, 1);

  export->window = g_object_ref (window);
  export->format = format;

  if (format == NB_EXPORT_MARKDOWN)
    {
      nb_file_chooser_run (GTK_WINDOW (window), NB_FILE_CHOOSER_FOLDER,
                           _("Export to a Folder"), _("_Export"), NULL, NULL, NULL,
                           on_dest_chosen_cb, export, (GDestroyNotify) export_free);
      return;
    }

  {
    g_autoptr(GtkFileFilter) filter = nb_file_filter_new (ext, ext, NULL);

    g_list_store_append (filters, filter);
  }
  /* Translators: the suggested file name of an export, before ".vcf" */
  name = g_strdup_printf ("%s.%s", _("Netbook"), ext);
  nb_file_chooser_run (GTK_WINDOW (window), NB_FILE_CHOOSER_SAVE,
                       _("Export"), _("_Export"), G_LIST_MODEL (filters), NULL, name,
                       on_dest_chosen_cb, export, (GDestroyNotify) export_free);
}

static void
on_format_chosen_cb (GtkWidget  *dialog,
                     const char *response,
                     NbWindow   *window)
{
  NbExportFormat format;

  if (nb_export_format_from_string (response, &format))
    choose_dest (window, format);
}

GtkWidget *
nb_export_dialog_new_format_picker (GtkWindow *parent)
{
  GtkWidget *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  dialog = nb_dialog_new_alert (_("Export Your Notebook"),
                                _("vCard and CSV are for contacts apps and spreadsheets, JSON keeps everything for another Netbook, Markdown makes one note per person for notes apps."));
  nb_dialog_add_responses (dialog,
                           "cancel", _("_Cancel"),
                           "vcard", _("_vCard"),
                           "csv", _("C_SV"),
                           "json", _("_JSON"),
                           "markdown", _("_Markdown Folder"),
                           NULL);
  nb_dialog_set_close_response (dialog, "cancel");
  nb_dialog_set_default_response (dialog, "vcard");

  return dialog;
}

void
nb_export_dialog_run (NbWindow *window)
{
  GtkWidget *dialog;

  g_return_if_fail (NB_IS_WINDOW (window));

  if (nb_window_get_store (window) == NULL)
    return;

  dialog = nb_export_dialog_new_format_picker (GTK_WINDOW (window));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_format_chosen_cb), window, 0);
  nb_dialog_present (dialog, GTK_WIDGET (window));
}

void
nb_export_dialog_export_async (NbWindow            *window,
                               NbExportFormat       format,
                               GFile               *dest,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  NbStore *store;
  GTask *task;
  Export *export;

  g_return_if_fail (NB_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (dest));
  store = nb_window_get_store (window);
  g_return_if_fail (store != NULL);

  export = g_new0 (Export, 1);
  export->window = g_object_ref (window);
  export->format = format;
  /* Whoever is in the notebook when it starts: what the export holds. */
  export->n_people = count_people (store);

  task = g_task_new (window, NULL, callback, user_data);
  g_task_set_source_tag (task, nb_export_dialog_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);

  nb_export_to_file_async (store, format, NULL, 0, dest, NULL, on_export_done_cb, task);
}

gboolean
nb_export_dialog_export_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
