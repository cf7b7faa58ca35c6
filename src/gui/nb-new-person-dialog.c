/* nb-new-person-dialog.c: adds a person, warning of a likely duplicate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-dialog.h"
#include "nb-new-person-dialog.h"

#if ADW_CHECK_VERSION (1, 5, 0)
typedef AdwAlertDialog        ParentDialog;
typedef AdwAlertDialogClass   ParentDialogClass;
# define PARENT_DIALOG_CLASS  ADW_ALERT_DIALOG_CLASS
#else
typedef AdwMessageDialog      ParentDialog;
typedef AdwMessageDialogClass ParentDialogClass;
# define PARENT_DIALOG_CLASS  ADW_MESSAGE_DIALOG_CLASS
#endif

struct _NbNewPersonDialog
{
  ParentDialog      parent_instance;

  /* Where an error is shown (weak). */
  GtkWindow        *parent;
  NbStore          *store;
  NbPerson         *duplicate;

  GtkEntry         *name_entry;
  GtkEntry         *company_entry;
  GtkWidget        *duplicate_box;
  GtkLabel         *duplicate_label;
};

G_DEFINE_FINAL_TYPE (NbNewPersonDialog, nb_new_person_dialog, NB_TYPE_ALERT_DIALOG)

enum {
  SIGNAL_CREATED,
  SIGNAL_OPEN_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
nb_new_person_dialog_check_duplicate (NbNewPersonDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(NbPerson) match = NULL;

  g_clear_object (&self->duplicate);

  if (name[0] != '\0')
    {
      /* Same name ignoring case and accents, or the one person the name
       * starts: "maria" while Maria Rossi is already there. */
      match = nb_store_resolve_person (self->store, name, &candidates, NULL);
      if (match == NULL && candidates != NULL && candidates->len > 0)
        match = g_object_ref (g_ptr_array_index (candidates, 0));
      /* A typed number is a name here, not an id. */
      if (match != NULL && g_ascii_string_to_signed (name, 10, 0, G_MAXINT64, NULL, NULL))
        g_clear_object (&match);
    }

  self->duplicate = g_steal_pointer (&match);
  if (self->duplicate != NULL)
    {
      g_autofree char *subtitle = nb_person_dup_subtitle (self->duplicate);
      g_autofree char *text = NULL;

      if (subtitle[0] != '\0')
        /* Translators: a likely duplicate; %s are a name and "role · company" */
        text = g_strdup_printf (_("%s (%s) is already in your network."),
                                nb_person_get_display_name (self->duplicate), subtitle);
      else
        text = g_strdup_printf (_("%s is already in your network."),
                                nb_person_get_display_name (self->duplicate));
      gtk_label_set_text (self->duplicate_label, text);
    }
  gtk_widget_set_visible (self->duplicate_box, self->duplicate != NULL);
  nb_dialog_set_response_enabled (GTK_WIDGET (self), "add", name[0] != '\0');
}

static void
on_name_changed_cb (NbNewPersonDialog *self)
{
  nb_new_person_dialog_check_duplicate (self);
}

static void
on_entry_activated_cb (NbNewPersonDialog *self)
{
  /* As a click on Add does: the response, then the dialog closes
   * (emitting a response alone leaves it open). */
  if (nb_dialog_get_response_enabled (GTK_WIDGET (self), "add"))
    {
      nb_dialog_response (GTK_WIDGET (self), "add");
      nb_dialog_close (GTK_WIDGET (self));
    }
}

static void
on_open_existing_clicked_cb (NbNewPersonDialog *self)
{
  if (self->duplicate != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_PERSON], 0, nb_person_get_id (self->duplicate));
  nb_dialog_close (GTK_WIDGET (self));
}

static void
nb_new_person_dialog_response (ParentDialog *dialog,
                               const char   *response)
{
  NbNewPersonDialog *self = NB_NEW_PERSON_DIALOG (dialog);
  g_autofree char *name = NULL;
  g_autofree char *company = NULL;
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "add") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  company = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->company_entry))));
  person = nb_person_new (name);
  nb_person_set_field (person, NB_PERSON_COMPANY, company);

  id = nb_store_add_person (self->store, person, &error);
  if (id <= 0)
    {
      GtkWidget *alert = nb_dialog_new_alert (_("Could Not Add Person"), error->message);

      nb_dialog_add_response (alert, "close", _("_Close"));
      nb_dialog_present (alert, GTK_WIDGET (self->parent));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, id);
}

static void
nb_new_person_dialog_dispose (GObject *object)
{
  NbNewPersonDialog *self = NB_NEW_PERSON_DIALOG (object);

  g_clear_object (&self->duplicate);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (nb_new_person_dialog_parent_class)->dispose (object);
}

static void
nb_new_person_dialog_class_init (NbNewPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ParentDialogClass *dialog_class = PARENT_DIALOG_CLASS (klass);

  object_class->dispose = nb_new_person_dialog_dispose;
  dialog_class->response = nb_new_person_dialog_response;

  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_OPEN_PERSON] =
    g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
nb_new_person_dialog_init (NbNewPersonDialog *self)
{
  GtkWidget *box;
  GtkWidget *open_button;

  nb_dialog_set_heading (GTK_WIDGET (self), _("New Person"));
  nb_dialog_set_body (GTK_WIDGET (self),
                      _("Who did you meet? You can add everything else on their page."));
  nb_dialog_add_responses (GTK_WIDGET (self),
                           "cancel", _("_Cancel"),
                           "add", _("_Add"),
                           NULL);
  nb_dialog_set_response_appearance (GTK_WIDGET (self), "add", ADW_RESPONSE_SUGGESTED);
  nb_dialog_set_default_response (GTK_WIDGET (self), "add");
  nb_dialog_set_close_response (GTK_WIDGET (self), "cancel");
  nb_dialog_set_response_enabled (GTK_WIDGET (self), "add", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->name_entry, _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->name_entry, "activate", G_CALLBACK (on_entry_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_entry));

  self->company_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->company_entry, _("Company (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->company_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Company"), -1);
  g_signal_connect_swapped (self->company_entry, "activate", G_CALLBACK (on_entry_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->company_entry));

  self->duplicate_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->duplicate_box, "card");
  gtk_widget_add_css_class (self->duplicate_box, "duplicate-warning");
  self->duplicate_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->duplicate_label, TRUE);
  gtk_label_set_use_markup (self->duplicate_label, FALSE);
  gtk_label_set_xalign (self->duplicate_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->duplicate_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->duplicate_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->duplicate_label), 12);
  gtk_box_append (GTK_BOX (self->duplicate_box), GTK_WIDGET (self->duplicate_label));
  open_button = gtk_button_new_with_mnemonic (_("_Open Their Page Instead"));
  gtk_widget_add_css_class (open_button, "flat");
  gtk_widget_set_margin_bottom (open_button, 6);
  gtk_widget_set_halign (open_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (open_button, "clicked", G_CALLBACK (on_open_existing_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->duplicate_box), open_button);
  gtk_widget_set_visible (self->duplicate_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->duplicate_box);

  nb_dialog_set_extra_child (GTK_WIDGET (self), box);
}

GtkWidget *
nb_new_person_dialog_new (GtkWindow *parent,
                          NbStore   *store)
{
  NbNewPersonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  /* Shown with nb_dialog_present() over @parent. */
  self = g_object_new (NB_TYPE_NEW_PERSON_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}

NbPerson *
nb_new_person_dialog_get_duplicate (NbNewPersonDialog *self)
{
  g_return_val_if_fail (NB_IS_NEW_PERSON_DIALOG (self), NULL);

  return self->duplicate;
}

void
nb_new_person_dialog_set_name (NbNewPersonDialog *self,
                               const char        *name)
{
  g_return_if_fail (NB_IS_NEW_PERSON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
}

void
nb_new_person_dialog_set_company (NbNewPersonDialog *self,
                                  const char        *company)
{
  g_return_if_fail (NB_IS_NEW_PERSON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->company_entry), company);
}
