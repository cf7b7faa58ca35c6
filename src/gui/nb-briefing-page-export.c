/* nb-briefing-page-export.c: the briefing off the screen: printed (or
 * saved as PDF from the print dialog) and exported as Markdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-briefing-page-private.h"
#include "nb-briefing-print.h"

static void
on_print_done_cb (NbBriefingPage          *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (operation), "nb-done", GINT_TO_POINTER (TRUE));

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* Remember the printer and paper for next time. */
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&self->page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *why = NULL;

      gtk_print_operation_get_error (operation, &error);
      why = g_markup_escape_text (error != NULL ? error->message : "", -1);
      /* Translators: %s says why */
      _nb_briefing_page_show_error_toast (self, _("Could not print the briefing: %s"), why);
    }
}

static void
on_write_markdown_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename != NULL ? basename : "");

  if (!nb_briefing_page_write_markdown_finish (self, result, &error))
    {
      g_autofree char *why = g_markup_escape_text (error->message, -1);

      /* Translators: %s says why */
      _nb_briefing_page_show_error_toast (self, _("Could not save the briefing: %s"), why);
      return;
    }

  {
    g_autofree char *escaped = g_markup_escape_text (display, -1);
    /* Translators: %s is a file name */
    g_autofree char *title = g_strdup_printf (_("Briefing saved as “%s”"), escaped);

    _nb_briefing_page_show_toast (self, adw_toast_new (title));
  }
}

static void
on_file_replaced_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_dialog_finished_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(NbBriefingPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file != NULL)
    nb_briefing_page_save_markdown (self, file);
}
#else
static void
on_export_dialog_response_cb (NbBriefingPage       *self,
                              int                   response,
                              GtkFileChooserNative *dialog)
{
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->export_dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        nb_briefing_page_save_markdown (self, file);
    }
}
#endif

void
nb_briefing_page_print (NbBriefingPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  NbBriefing *briefing;
  GtkRoot *root;
  GtkPrintOperationResult result;

  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));

  briefing = nb_briefing_page_get_briefing (self);
  if (briefing == NULL)
    return;

  operation = nb_briefing_print_operation_new (briefing);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (self->page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "nb-done") == NULL)
    {
      g_autofree char *why = g_markup_escape_text (error != NULL ? error->message : "", -1);

      _nb_briefing_page_show_error_toast (self, _("Could not print the briefing: %s"), why);
    }
}

char *
nb_briefing_page_dup_suggested_name (NbBriefingPage *self,
                                     const char     *extension)
{
  NbBriefing *briefing;
  g_autofree char *name = NULL;
  GString *file_name;

  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  briefing = nb_briefing_page_get_briefing (self);
  /* Translators: the file name offered when exporting; %s is a name */
  name = g_strdup_printf (_("%s – briefing"),
                          briefing != NULL ? nb_person_get_display_name (nb_briefing_get_person (briefing)) : "");

  /* No folders, no hidden file, no control characters, a sane length. */
  file_name = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        c = c == '/' || c == '\\' ? '-' : ' ';
      if (file_name->len == 0 && (c == '.' || c == ' '))
        continue;
      if (file_name->len > 200)
        break;
      g_string_append_unichar (file_name, c);
    }
  g_string_append (file_name, extension);

  return g_string_free (file_name, FALSE);
}

void
nb_briefing_page_export_markdown (NbBriefingPage *self)
{
  g_autofree char *suggested = NULL;
  GtkRoot *root;

  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));

  if (nb_briefing_page_get_briefing (self) == NULL)
    return;

  suggested = nb_briefing_page_dup_suggested_name (self, ".md");
  root = gtk_widget_get_root (GTK_WIDGET (self));

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Briefing as Markdown"));
    gtk_file_dialog_set_initial_name (dialog, suggested);
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                          on_save_dialog_finished_cb, g_object_ref (self));
  }
#else
  if (self->export_dialog != NULL)
    return;

  self->export_dialog = gtk_file_chooser_native_new (_("Export Briefing as Markdown"),
                                                     GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     GTK_FILE_CHOOSER_ACTION_SAVE,
                                                     _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_dialog), suggested);
  g_signal_connect_object (self->export_dialog, "response",
                           G_CALLBACK (on_export_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
#endif
}

void
nb_briefing_page_save_markdown (NbBriefingPage *self,
                                GFile          *file)
{
  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  nb_briefing_page_write_markdown_async (self, file, NULL, on_write_markdown_done_cb, g_object_ref (file));
}

void
nb_briefing_page_write_markdown_async (NbBriefingPage      *self,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NbBriefing *briefing;
  char *markdown;

  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_briefing_page_write_markdown_async);

  briefing = nb_briefing_page_get_briefing (self);
  if (briefing == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no briefing to save."));
      return;
    }

  markdown = nb_briefing_to_markdown (briefing);
  bytes = g_bytes_new_take (markdown, strlen (markdown));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       cancellable, on_file_replaced_cb, g_steal_pointer (&task));
}

gboolean
nb_briefing_page_write_markdown_finish (NbBriefingPage  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nb_briefing_page_write_markdown_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
