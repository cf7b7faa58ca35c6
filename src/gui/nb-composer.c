/* nb-composer.c: the inline composer at the top of a person's timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-composer.h"
#include "nb-date.h"
#include "nb-error.h"
#include "nb-gui-util.h"
#include "nb-person.h"

/* Follow-ups are due a week out unless the user says otherwise. */
#define DEFAULT_FOLLOW_UP_DAYS 7

struct _NbComposer
{
  GtkWidget          parent_instance;

  NbEntry           *editing;      /* NULL for a new entry */
  gint64             person_id;    /* the page's person */
  GtkCustomFilter   *people_filter;

  /* Template widgets */
  GtkDropDown       *kind_dropdown;
  GtkEntry          *date_entry;
  GtkWidget         *due_box;
  GtkEntry          *due_entry;
  GtkWidget         *with_box;
  GtkDropDown       *people_dropdown;
  GtkTextView       *text_view;
  GtkLabel          *hint_label;
};

G_DEFINE_FINAL_TYPE (NbComposer, nb_composer, GTK_TYPE_WIDGET)

static char *
dup_entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static char *
dup_date_in_days (guint days)
{
  GDate date;

  nb_date_today (&date);
  g_date_add_days (&date, days);
  return nb_date_to_iso (&date);
}

static void
show_hint (NbComposer *self,
           const char *error_message)
{
  if (error_message != NULL)
    {
      gtk_label_set_text (self->hint_label, error_message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
    }
  else
    {
      gtk_label_set_text (self->hint_label, _("Ctrl+Enter to save"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
    }
}

static void
refuse (NbComposer  *self,
        GtkWidget   *field,
        GError     **error,
        const char  *message)
{
  if (field != NULL)
    gtk_widget_add_css_class (field, "error");
  show_hint (self, message);
  g_set_error_literal (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID, message);
}

static gboolean
check_date (NbComposer  *self,
            GtkEntry    *entry,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (nb_date_parse_iso (text, NULL, &local_error))
    return TRUE;

  refuse (self, GTK_WIDGET (entry), error, local_error->message);
  return FALSE;
}

static NbPerson *
dup_selected_person (NbComposer *self)
{
  return gtk_drop_down_get_selected_item (self->people_dropdown) != NULL
    ? g_object_ref (gtk_drop_down_get_selected_item (self->people_dropdown))
    : NULL;
}

static void
select_person (NbComposer *self,
               gint64      person_id)
{
  GListModel *model = gtk_drop_down_get_model (self->people_dropdown);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbPerson) person = g_list_model_get_item (model, i);

      if (nb_person_get_id (person) == person_id)
        {
          gtk_drop_down_set_selected (self->people_dropdown, i);
          return;
        }
    }

  gtk_drop_down_set_selected (self->people_dropdown, GTK_INVALID_LIST_POSITION);
}

/* The other side of an introduction, seen from the page's person. */
static gint64
get_partner_id (NbComposer *self,
                NbEntry    *entry)
{
  if (nb_entry_get_person_id (entry) == self->person_id)
    return nb_entry_get_other_person_id (entry);

  return nb_entry_get_person_id (entry);
}

static void
update_kind_fields (NbComposer *self)
{
  NbEntryKind kind = nb_composer_get_kind (self);

  gtk_widget_set_visible (self->due_box, kind == NB_ENTRY_FOLLOW_UP);
  gtk_widget_set_visible (self->with_box, kind == NB_ENTRY_INTRODUCTION);

  if (kind == NB_ENTRY_FOLLOW_UP &&
      *gtk_editable_get_text (GTK_EDITABLE (self->due_entry)) == '\0')
    {
      g_autofree char *due = dup_date_in_days (DEFAULT_FOLLOW_UP_DAYS);

      gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due);
    }
}

static gboolean
people_filter_func (gpointer item,
                    gpointer user_data)
{
  NbComposer *self = user_data;

  return nb_person_get_id (NB_PERSON (item)) != self->person_id;
}

static void
on_kind_item_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
on_kind_item_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);
  NbEntryKind kind;

  if (!nb_entry_kind_from_string (gtk_string_object_get_string (string), &kind))
    g_assert_not_reached ();

  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (box)),
                                nb_entry_kind_get_icon_name (kind));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)),
                      nb_entry_kind_get_label (kind));
}

static void
on_kind_dropdown_selected_cb (NbComposer *self)
{
  update_kind_fields (self);
  show_hint (self, NULL);
}

static void
on_people_dropdown_selected_cb (NbComposer *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->people_dropdown), "error");
  show_hint (self, NULL);
}

static void
on_date_entry_changed_cb (NbComposer *self,
                          GtkEntry   *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  show_hint (self, NULL);
}

static void
on_text_buffer_changed_cb (NbComposer *self)
{
  show_hint (self, NULL);
}

static void
nb_composer_dispose (GObject *object)
{
  NbComposer *self = NB_COMPOSER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_COMPOSER);
  /* Not every child is bound to a template field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->editing);
  g_clear_object (&self->people_filter);

  G_OBJECT_CLASS (nb_composer_parent_class)->dispose (object);
}

static void
nb_composer_class_init (NbComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_composer_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "composer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, NbComposer, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NbComposer, date_entry);
  gtk_widget_class_bind_template_child (widget_class, NbComposer, due_box);
  gtk_widget_class_bind_template_child (widget_class, NbComposer, due_entry);
  gtk_widget_class_bind_template_child (widget_class, NbComposer, with_box);
  gtk_widget_class_bind_template_child (widget_class, NbComposer, people_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NbComposer, text_view);
  gtk_widget_class_bind_template_child (widget_class, NbComposer, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_changed_cb);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

static void
nb_composer_init (NbComposer *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkLayoutManager *layout;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);

  /* Indexed by NbEntryKind, so the selected position is the kind. */
  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    gtk_string_list_append (kinds, nb_entry_kind_to_string ((NbEntryKind) i));
  g_signal_connect (factory, "setup", G_CALLBACK (on_kind_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_kind_item_bind_cb), NULL);
  gtk_drop_down_set_factory (self->kind_dropdown, factory);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  self->people_filter = gtk_custom_filter_new (people_filter_func, self, NULL);
  gtk_drop_down_set_expression (self->people_dropdown,
                                gtk_property_expression_new (NB_TYPE_PERSON, NULL, "display-name"));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_buffer_changed_cb), self, G_CONNECT_SWAPPED);

  /* Capture, so the text view never turns Ctrl+Enter into a newline. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Return, GDK_CONTROL_MASK, "person.save-entry");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "person.save-entry");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Bubble, so an open drop-down's popover closes on Escape first. */
  controller = gtk_shortcut_controller_new ();
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Escape, 0, "person.cancel-compose");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  nb_composer_start (self, NB_ENTRY_CONVERSATION);
}

GtkWidget *
nb_composer_new (void)
{
  return g_object_new (NB_TYPE_COMPOSER, NULL);
}

void
nb_composer_set_people (NbComposer *self,
                        GListModel *people,
                        gint64      person_id)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;

  g_return_if_fail (NB_IS_COMPOSER (self));
  g_return_if_fail (people == NULL || G_IS_LIST_MODEL (people));

  self->person_id = person_id;

  if (people == NULL)
    {
      gtk_drop_down_set_model (self->people_dropdown, NULL);
      return;
    }

  filtered = gtk_filter_list_model_new (g_object_ref (people),
                                        GTK_FILTER (g_object_ref (self->people_filter)));
  gtk_drop_down_set_model (self->people_dropdown, G_LIST_MODEL (filtered));
  gtk_drop_down_set_selected (self->people_dropdown, GTK_INVALID_LIST_POSITION);
}

void
nb_composer_start (NbComposer  *self,
                   NbEntryKind  kind)
{
  g_autofree char *today = nb_date_today_iso ();

  g_return_if_fail (NB_IS_COMPOSER (self));

  g_clear_object (&self->editing);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), "");
  gtk_drop_down_set_selected (self->people_dropdown, GTK_INVALID_LIST_POSITION);
  nb_composer_set_kind (self, kind);
  update_kind_fields (self);
  show_hint (self, NULL);
}

void
nb_composer_edit (NbComposer *self,
                  NbEntry    *entry)
{
  g_return_if_fail (NB_IS_COMPOSER (self));
  g_return_if_fail (NB_IS_ENTRY (entry));

  nb_composer_start (self, nb_entry_get_kind (entry));
  self->editing = nb_entry_copy (entry);

  /* A note of megabytes stays editable (nb-gui-util.h). */
  nb_text_view_set_long_text (self->text_view, nb_entry_get_text (entry));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), nb_entry_get_date (entry));
  if (*nb_entry_get_due (entry) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->due_entry), nb_entry_get_due (entry));
  if (nb_entry_get_kind (entry) == NB_ENTRY_INTRODUCTION)
    select_person (self, get_partner_id (self, entry));
  show_hint (self, NULL);
}

gint64
nb_composer_get_editing_id (NbComposer *self)
{
  g_return_val_if_fail (NB_IS_COMPOSER (self), 0);

  return self->editing != NULL ? nb_entry_get_id (self->editing) : 0;
}

NbEntryKind
nb_composer_get_kind (NbComposer *self)
{
  guint selected;

  g_return_val_if_fail (NB_IS_COMPOSER (self), NB_ENTRY_CONVERSATION);

  selected = gtk_drop_down_get_selected (self->kind_dropdown);
  if (selected >= NB_N_ENTRY_KINDS)
    return NB_ENTRY_CONVERSATION;

  return (NbEntryKind) selected;
}

void
nb_composer_set_kind (NbComposer  *self,
                      NbEntryKind  kind)
{
  g_return_if_fail (NB_IS_COMPOSER (self));
  g_return_if_fail ((guint) kind < NB_N_ENTRY_KINDS);

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

void
nb_composer_focus_text (NbComposer *self)
{
  g_return_if_fail (NB_IS_COMPOSER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

NbEntry *
nb_composer_build_entry (NbComposer  *self,
                         gint64       person_id,
                         GError     **error)
{
  NbEntryKind kind;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *due = NULL;
  g_autoptr(NbPerson) partner = NULL;
  g_autoptr(NbEntry) entry = NULL;

  g_return_val_if_fail (NB_IS_COMPOSER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = nb_composer_get_kind (self);
  text = g_strstrip (nb_text_view_dup_text (self->text_view));
  date = dup_entry_text (self->date_entry);
  due = dup_entry_text (self->due_entry);

  if (!check_date (self, self->date_entry, date, error))
    return NULL;

  if (kind == NB_ENTRY_FOLLOW_UP)
    {
      if (*due == '\0')
        {
          refuse (self, GTK_WIDGET (self->due_entry), error, _("A follow-up needs a due date."));
          return NULL;
        }
      if (!check_date (self, self->due_entry, due, error))
        return NULL;
    }

  if (kind == NB_ENTRY_INTRODUCTION)
    {
      partner = dup_selected_person (self);
      if (partner == NULL)
        {
          refuse (self, GTK_WIDGET (self->people_dropdown), error,
                  _("Choose who they were introduced to."));
          return NULL;
        }
    }
  else if (*text == '\0')
    {
      refuse (self, NULL, error, _("Write what happened first."));
      return NULL;
    }

  if (self->editing != NULL)
    entry = nb_entry_copy (self->editing);
  else
    entry = nb_entry_new (kind, person_id, date, text);

  /* A changed kind keeps the status only where the new kind allows it. */
  if (!nb_entry_kind_accepts_status (kind, nb_entry_get_status (entry)))
    nb_entry_set_status (entry, nb_entry_kind_has_status (kind) ? NB_STATUS_OPEN : NB_STATUS_NONE);
  nb_entry_set_kind (entry, kind);
  nb_entry_set_date (entry, date);
  nb_entry_set_text (entry, text);
  nb_entry_set_due (entry, kind == NB_ENTRY_FOLLOW_UP ? due : "");

  if (partner == NULL)
    {
      nb_entry_set_person_id (entry, person_id);
      nb_entry_set_other_person_id (entry, 0);
    }
  else if (self->editing != NULL && nb_entry_get_person_id (self->editing) != person_id)
    {
      /* Edited from the other side: this page's person stays the other. */
      nb_entry_set_person_id (entry, nb_person_get_id (partner));
      nb_entry_set_other_person_id (entry, person_id);
    }
  else
    {
      nb_entry_set_person_id (entry, person_id);
      nb_entry_set_other_person_id (entry, nb_person_get_id (partner));
    }

  return g_steal_pointer (&entry);
}
