/* nb-file-chooser.c: one way to ask for a file, through the portal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-file-chooser.h"

typedef struct {
  NbFileChooserMode  mode;
  NbFileChosenFunc   callback;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Request;

static void
request_finish (Request *request,
                GFile   *file)
{
  request->callback (file, request->user_data);
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_dialog_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  Request *request = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  switch (request->mode)
    {
    case NB_FILE_CHOOSER_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, &error);
      break;
    case NB_FILE_CHOOSER_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, &error);
      break;
    case NB_FILE_CHOOSER_FOLDER:
    default:
      file = gtk_file_dialog_select_folder_finish (dialog, result, &error);
      break;
    }
  if (error != NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_message ("File chooser: %s", error->message);

  request_finish (request, file);
}

#else

static void
on_native_response_cb (GtkNativeDialog *native,
                       int              response,
                       gpointer         data)
{
  Request *request = data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  request_finish (request, file);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

#endif

void
nb_file_chooser_run (GtkWindow         *parent,
                     NbFileChooserMode  mode,
                     const char        *title,
                     const char        *accept_label,
                     GListModel        *filters,
                     GFile             *initial_folder,
                     const char        *initial_name,
                     NbFileChosenFunc   callback,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  Request *request;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);

  request = g_new0 (Request, 1);
  request->mode = mode;
  request->callback = callback;
  request->user_data = user_data;
  request->destroy = destroy;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_accept_label (dialog, accept_label);
    if (filters != NULL && g_list_model_get_n_items (filters) > 0)
      {
        g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

        gtk_file_dialog_set_filters (dialog, filters);
        gtk_file_dialog_set_default_filter (dialog, first);
      }
    if (initial_folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    if (initial_name != NULL)
      gtk_file_dialog_set_initial_name (dialog, initial_name);

    switch (mode)
      {
      case NB_FILE_CHOOSER_OPEN:
        gtk_file_dialog_open (dialog, parent, NULL, on_dialog_done_cb, request);
        break;
      case NB_FILE_CHOOSER_SAVE:
        gtk_file_dialog_save (dialog, parent, NULL, on_dialog_done_cb, request);
        break;
      case NB_FILE_CHOOSER_FOLDER:
      default:
        gtk_file_dialog_select_folder (dialog, parent, NULL, on_dialog_done_cb, request);
        break;
      }
  }
#else
  {
    static const GtkFileChooserAction actions[] = {
      [NB_FILE_CHOOSER_OPEN] = GTK_FILE_CHOOSER_ACTION_OPEN,
      [NB_FILE_CHOOSER_SAVE] = GTK_FILE_CHOOSER_ACTION_SAVE,
      [NB_FILE_CHOOSER_FOLDER] = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    };
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent, actions[mode], accept_label, _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
        if (i == 0)
          gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
      }
    if (initial_folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);
    if (initial_name != NULL && mode == NB_FILE_CHOOSER_SAVE)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

    g_signal_connect (native, "response", G_CALLBACK (on_native_response_cb), request);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

GtkFileFilter *
nb_file_filter_new (const char *name,
                    const char *first_pattern,
                    ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *p = first_pattern; p != NULL; p = va_arg (args, const char *))
    gtk_file_filter_add_suffix (filter, p);
  va_end (args);

  return filter;
}
