/* nb-person-page-actions.c: what the user does on a person's page: the
 * "person.*" actions, the composer, status changes and undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-person-page-private.h"

/* How long a resolved item takes to fade out of its group. */
#define FADE_DURATION_MS 250

typedef enum {
  UNDO_DELETE,
  UNDO_STATUS,
} UndoKind;

typedef struct
{
  UndoKind kind;
  gint64   entry_id;
  NbStatus status;  /* UNDO_STATUS: the status to go back to */
} Undo;

typedef struct
{
  gint64   entry_id;
  NbStatus status;
  NbStatus old_status;
} Fade;

/* Toast titles are markup; what we show in them (store messages quote
 * what the user typed) never is. */
static AdwToast *
new_toast (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

static void
perform_undo (NbPersonPage *self,
              const Undo   *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->store == NULL)
    return;

  if (undo->kind == UNDO_DELETE)
    ok = nb_store_undelete_entry (self->store, undo->entry_id, &error);
  else
    ok = nb_store_set_entry_status (self->store, undo->entry_id, undo->status, &error);

  if (!ok)
    _nb_person_page_show_error (self, error->message);
}

static void
on_toast_button_clicked_cb (AdwToast     *toast,
                            NbPersonPage *self)
{
  const Undo *undo = g_object_get_data (G_OBJECT (toast), "nb-undo");

  if (undo != NULL)
    perform_undo (self, undo);
}

static void
show_undo_toast (NbPersonPage *self,
                 const char   *title,
                 UndoKind      kind,
                 gint64        entry_id,
                 NbStatus      status)
{
  AdwToast *toast = new_toast (title);
  Undo *undo = g_new0 (Undo, 1);

  undo->kind = kind;
  undo->entry_id = entry_id;
  undo->status = status;
  g_object_set_data_full (G_OBJECT (toast), "nb-undo", undo, g_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_toast_button_clicked_cb), self, 0);
  _nb_person_page_show_toast (self, toast);
}

static gboolean
set_status (NbPersonPage *self,
            gint64        entry_id,
            NbStatus      status,
            NbStatus      old_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!nb_store_set_entry_status (self->store, entry_id, status, &error))
    {
      _nb_person_page_show_error (self, error->message);
      return FALSE;
    }

  /* Translators: a toast after a status change: "Marked as Achieved" */
  title = g_strdup_printf (_("Marked as %s"), nb_status_get_label (status));
  show_undo_toast (self, title, UNDO_STATUS, entry_id, old_status);
  return TRUE;
}

static GtkWidget *
find_group_row (NbPersonPage *self,
                gint64        entry_id)
{
  GtkListBox *lists[] = {
    self->dreams_list, self->challenges_list, self->needs_list, self->followups_list,
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (lists[i]));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          NbEntry *entry = g_object_get_data (G_OBJECT (child), "nb-entry");

          if (entry != NULL && nb_entry_get_id (entry) == entry_id)
            return child;
        }
    }

  return NULL;
}

static void
on_fade_value_cb (double   value,
                  gpointer user_data)
{
  gtk_widget_set_opacity (GTK_WIDGET (user_data), value);
}

static void
on_fade_done_cb (AdwAnimation *animation,
                 NbPersonPage *self)
{
  const Fade *fade = g_object_get_data (G_OBJECT (animation), "nb-fade");

  set_status (self, fade->entry_id, fade->status, fade->old_status);
  g_ptr_array_remove (self->fades, animation);
}

static void
on_kind_button_clicked_cb (GtkButton    *button,
                           NbPersonPage *self)
{
  GtkPopover *popover = GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER));

  gtk_popover_popdown (popover);
}

static void
nb_person_page_compose_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  NbEntryKind kind;

  if (!nb_entry_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    {
      g_warning ("Unknown entry kind “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  nb_person_page_compose (NB_PERSON_PAGE (widget), kind);
}

static void
nb_person_page_save_entry (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NbPersonPage *self = NB_PERSON_PAGE (widget);
  g_autoptr(NbEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->person_id == 0)
    return;

  /* The composer marks what it refused and says why, next to Save. */
  entry = nb_composer_build_entry (self->composer, self->person_id, &error);
  if (entry == NULL)
    return;

  if (nb_composer_get_editing_id (self->composer) != 0)
    ok = nb_store_update_entry (self->store, entry, &error);
  else
    ok = nb_store_add_entry (self->store, entry, &error) > 0;

  if (!ok)
    {
      _nb_person_page_show_error (self, error->message);
      return;
    }

  _nb_person_page_close_composer (self);
  nb_composer_start (self->composer, NB_ENTRY_CONVERSATION);
}

static void
nb_person_page_cancel_compose (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  NbPersonPage *self = NB_PERSON_PAGE (widget);

  _nb_person_page_close_composer (self);
  nb_composer_start (self->composer, NB_ENTRY_CONVERSATION);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry_button));
}

static void
nb_person_page_edit_entry (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NbPersonPage *self = NB_PERSON_PAGE (widget);
  g_autoptr(NbEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = nb_store_get_entry (self->store, g_variant_get_int64 (parameter), &error);
  if (entry == NULL)
    {
      _nb_person_page_show_error (self, error->message);
      return;
    }

  nb_composer_edit (self->composer, entry);
  _nb_person_page_open_composer (self);
}

static void
nb_person_page_delete_entry (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  NbPersonPage *self = NB_PERSON_PAGE (widget);
  gint64 entry_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (nb_composer_get_editing_id (self->composer) == entry_id)
    nb_person_page_cancel_compose (widget, NULL, NULL);

  if (!nb_store_delete_entry (self->store, entry_id, &error))
    {
      _nb_person_page_show_error (self, error->message);
      return;
    }

  show_undo_toast (self, _("Entry deleted"), UNDO_DELETE, entry_id, NB_STATUS_NONE);
}

static void
nb_person_page_set_status_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  NbPersonPage *self = NB_PERSON_PAGE (widget);
  g_autoptr(NbEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  const char *status_name;
  gint64 entry_id;
  NbStatus status;
  GtkWidget *row;

  g_variant_get (parameter, "(x&s)", &entry_id, &status_name);
  if (!nb_status_from_string (status_name, &status))
    {
      g_warning ("Unknown status “%s”", status_name);
      return;
    }

  entry = nb_store_get_entry (self->store, entry_id, &error);
  if (entry == NULL)
    {
      _nb_person_page_show_error (self, error->message);
      return;
    }

  if (nb_entry_get_status (entry) == status)
    return;

  row = status != NB_STATUS_OPEN ? find_group_row (self, entry_id) : NULL;
  if (row != NULL)
    _nb_person_page_fade_then_set_status (self, row, entry_id, status, nb_entry_get_status (entry));
  else
    set_status (self, entry_id, status, nb_entry_get_status (entry));
}

static void
nb_person_page_open_person (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _nb_person_page_emit_open_person (NB_PERSON_PAGE (widget), g_variant_get_int64 (parameter));
}

void
_nb_person_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "person.compose", "s", nb_person_page_compose_action);
  gtk_widget_class_install_action (widget_class, "person.save-entry", NULL, nb_person_page_save_entry);
  gtk_widget_class_install_action (widget_class, "person.cancel-compose", NULL, nb_person_page_cancel_compose);
  gtk_widget_class_install_action (widget_class, "person.edit-entry", "x", nb_person_page_edit_entry);
  gtk_widget_class_install_action (widget_class, "person.delete-entry", "x", nb_person_page_delete_entry);
  gtk_widget_class_install_action (widget_class, "person.set-status", "(xs)", nb_person_page_set_status_action);
  gtk_widget_class_install_action (widget_class, "person.open-person", "x", nb_person_page_open_person);
}

/* Popover menus show no icons next to labels; the kinds need theirs. */
void
_nb_person_page_setup_add_entry_menu (NbPersonPage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (popover, "menu");
  gtk_widget_add_css_class (box, "nb-kind-menu");
  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    {
      NbEntryKind kind = (NbEntryKind) i;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), nb_entry_kind_get_icon_name (kind));
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), nb_entry_kind_get_label (kind));
      gtk_widget_set_halign (content, GTK_ALIGN_START);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person.compose");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (nb_entry_kind_to_string (kind)));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_kind_button_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->add_entry_button, popover);
}

void
_nb_person_page_show_error (NbPersonPage *self,
                            const char   *message)
{
  AdwToast *toast = new_toast (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _nb_person_page_show_toast (self, toast);
}

/* A resolved item fades out of its group before the store moves it. */
void
_nb_person_page_fade_then_set_status (NbPersonPage *self,
                                      GtkWidget    *row,
                                      gint64        entry_id,
                                      NbStatus      status,
                                      NbStatus      old_status)
{
  AdwAnimationTarget *target;
  AdwAnimation *animation;
  Fade *fade;

  if (!gtk_widget_get_sensitive (row))
    return;  /* already on its way out */

  gtk_widget_set_sensitive (row, FALSE);

  fade = g_new0 (Fade, 1);
  fade->entry_id = entry_id;
  fade->status = status;
  fade->old_status = old_status;

  /* The row goes away as soon as the status is set, which is while the
   * animation still exists: the target keeps the row alive until then. */
  target = adw_callback_animation_target_new (on_fade_value_cb, g_object_ref (row), g_object_unref);
  animation = adw_timed_animation_new (row, 1.0, 0.0, FADE_DURATION_MS, target);
  g_object_set_data_full (G_OBJECT (animation), "nb-fade", fade, g_free);
  g_signal_connect_object (animation, "done", G_CALLBACK (on_fade_done_cb), self, 0);
  g_ptr_array_add (self->fades, animation);
  adw_animation_play (animation);
}

void
_nb_person_page_finish_fades (NbPersonPage *self)
{
  /* Skipping runs "done", which removes the animation from the array. */
  while (self->fades->len > 0)
    {
      g_autoptr(AdwAnimation) animation = g_object_ref (g_ptr_array_index (self->fades, 0));

      adw_animation_skip (animation);
      g_ptr_array_remove (self->fades, animation);
    }
}

void
_nb_person_page_close_composer (NbPersonPage *self)
{
  gtk_revealer_set_reveal_child (self->composer_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.cancel-compose", FALSE);
}

/* Shows the composer (as it is) and puts the cursor in its text. */
void
_nb_person_page_open_composer (NbPersonPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->composer_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->composer_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save-entry", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.cancel-compose", TRUE);
  nb_composer_focus_text (self->composer);
}
