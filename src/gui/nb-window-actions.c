/* nb-window-actions.c: what the user does from the main window: the
 * "win.*" actions and their keyboard shortcuts (all of them are listed
 * in ui/gtk/help-overlay.ui).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-briefing-page.h"
#include "nb-dialog.h"
#include "nb-new-person-dialog.h"
#include "nb-person-page.h"
#include "nb-window-private.h"

void
_nb_window_update_actions (NbWindow *self)
{
  g_autoptr(NbPerson) person = NULL;
  gboolean archived = FALSE;

  if (self->person_id != 0 && self->store != NULL)
    person = nb_store_get_person (self->store, self->person_id, NULL);
  if (person != NULL)
    archived = nb_person_get_archived (person);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-person", person != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unarchive-person", person != NULL && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-person", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compose", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-briefing", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-person", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-briefing", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-briefing", person != NULL);
}

static void
on_new_person_created_cb (NbWindow *self,
                          gint64    person_id)
{
  nb_window_show_person (self, person_id);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = nb_new_person_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_new_person_created_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "open-person", G_CALLBACK (on_new_person_created_cb),
                           self, G_CONNECT_SWAPPED);
  nb_dialog_present (dialog, GTK_WIDGET (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->store == NULL)
    return;

  if (_nb_window_get_collapsed (self))
    _nb_window_set_show_content (self, FALSE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_agenda_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  nb_window_show_person (NB_WINDOW (widget), 0);
}

/* Back from a briefing is the person's page; from there, the list on a
 * phone, the agenda on a desktop. */
static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->view == NB_WINDOW_VIEW_BRIEFING)
    _nb_window_show (self, self->person_id, NB_WINDOW_VIEW_PERSON);
  else if (_nb_window_get_collapsed (self))
    _nb_window_set_show_content (self, FALSE);
  else if (self->person_id != 0)
    nb_window_show_person (self, 0);
}

static void
compose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->person_id == 0)
    return;

  /* From the briefing too: notes are written on the person's page. */
  if (self->view != NB_WINDOW_VIEW_PERSON)
    _nb_window_show (self, self->person_id, NB_WINDOW_VIEW_PERSON);
  nb_person_page_compose (NB_PERSON_PAGE (self->person_page), NB_ENTRY_NOTE);
}

static void
show_briefing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->person_id != 0)
    nb_window_show_briefing (self, self->person_id);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->person_id != 0)
    _nb_window_show (self, self->person_id, NB_WINDOW_VIEW_PERSON);
}

/* Print and export work from the person's page as well: they use the
 * briefing page, shown or not. */
static NbBriefingPage *
briefing_page_for_current (NbWindow *self)
{
  NbBriefingPage *page = NB_BRIEFING_PAGE (self->briefing_page);

  if (self->person_id == 0 || page == NULL)
    return NULL;

  nb_briefing_page_set_person_id (page, self->person_id);
  return page;
}

static void
print_briefing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NbBriefingPage *page = briefing_page_for_current (NB_WINDOW (widget));

  if (page != NULL)
    nb_briefing_page_print (page);
}

static void
export_briefing_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NbBriefingPage *page = briefing_page_for_current (NB_WINDOW (widget));

  if (page != NULL)
    nb_briefing_page_export_markdown (page);
}

/* @title is markup: escape names that go into it. */
static AdwToast *
new_undo_toast (const char *title,
                const char *undo_action,
                gint64      person_id)
{
  AdwToast *toast;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, undo_action);
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (person_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  return toast;
}

static void
set_archived (NbWindow *self,
              gboolean  archived)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->person_id;

  person = nb_store_get_person (self->store, id, &error);
  if (person == NULL || !nb_store_set_person_archived (self->store, id, archived, &error))
    {
      _nb_window_toast_error (self, error);
      return;
    }

  if (archived)
    {
      g_autofree char *escaped = g_markup_escape_text (nb_person_get_display_name (person), -1);
      /* Translators: %s is a person's name */
      g_autofree char *title = g_strdup_printf (_("“%s” archived"), escaped);

      adw_toast_overlay_add_toast (self->toast_overlay,
                                   new_undo_toast (title, "win.undo-archive-person", id));
      nb_window_show_person (self, 0);
    }
  else
    _nb_window_update_actions (self);
}

static void
archive_person_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_archived (NB_WINDOW (widget), TRUE);
}

static void
unarchive_person_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_archived (NB_WINDOW (widget), FALSE);
}

static void
undo_archive_person_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!nb_store_set_person_archived (self->store, id, FALSE, &error))
    _nb_window_toast_error (self, error);
  else
    nb_window_show_person (self, id);
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  gint64 id = self->person_id;

  person = nb_store_get_person (self->store, id, &error);
  if (person == NULL || !nb_store_delete_person (self->store, id, &error))
    {
      _nb_window_toast_error (self, error);
      return;
    }

  escaped = g_markup_escape_text (nb_person_get_display_name (person), -1);
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               new_undo_toast (title, "win.undo-delete-person", id));
  nb_window_show_person (self, 0);
}

static void
undo_delete_person_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!nb_store_undelete_person (self->store, id, &error))
    _nb_window_toast_error (self, error);
  else
    nb_window_show_person (self, id);
}

void
_nb_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-agenda", NULL, show_agenda_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.compose", NULL, compose_action);
  gtk_widget_class_install_action (widget_class, "win.show-briefing", NULL, show_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "win.print-briefing", NULL, print_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, export_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.archive-person", NULL, archive_person_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive-person", NULL, unarchive_person_action);
  gtk_widget_class_install_action (widget_class, "win.undo-archive-person", "x", undo_archive_person_action);
  gtk_widget_class_install_action (widget_class, "win.delete-person", NULL, delete_person_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-person", "x", undo_delete_person_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort-mode");
  gtk_widget_class_install_property_action (widget_class, "win.filter", "filter-mode");
  gtk_widget_class_install_property_action (widget_class, "win.filter-tag", "filter-tag");
  gtk_widget_class_install_property_action (widget_class, "win.show-archived", "show-archived");

  /* Keep ui/gtk/help-overlay.ui in step with this list. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-agenda", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.compose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "win.show-briefing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-briefing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-briefing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.archive-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete-person", NULL);
}
