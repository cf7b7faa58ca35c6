/* nb-composer.h: the inline composer at the top of a person's timeline.
 *
 * A form, not a store client: it turns what the user typed into an
 * NbEntry (new, or a changed copy of the one being edited) and leaves
 * saving to its owner. Ctrl+Enter activates "person.save-entry" and
 * Escape "person.cancel-compose" on the ancestor that provides them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-entry.h"

G_BEGIN_DECLS

#define NB_TYPE_COMPOSER (nb_composer_get_type ())
G_DECLARE_FINAL_TYPE (NbComposer, nb_composer, NB, COMPOSER, GtkWidget)

GtkWidget   *nb_composer_new             (void);
/* The people an introduction can name (NbPerson*), without the person
 * whose page this is. */
void         nb_composer_set_people      (NbComposer  *self,
                                          GListModel  *people,
                                          gint64       person_id);
/* Empties the form for a new entry of @kind dated today. */
void         nb_composer_start           (NbComposer  *self,
                                          NbEntryKind  kind);
/* Fills the form from @entry; saving then updates it. */
void         nb_composer_edit            (NbComposer  *self,
                                          NbEntry     *entry);
/* The id of the entry being edited, 0 for a new one. */
gint64       nb_composer_get_editing_id  (NbComposer  *self);
NbEntryKind  nb_composer_get_kind        (NbComposer  *self);
void         nb_composer_set_kind        (NbComposer  *self,
                                          NbEntryKind  kind);
void         nb_composer_focus_text      (NbComposer  *self);
/* The entry the form describes, for @person_id; NULL with @error set
 * (NB_STORE_ERROR_INVALID) and the offending field marked when a date is
 * not a real YYYY-MM-DD day, the text is empty or an introduction names
 * nobody. Never clears what was typed. */
NbEntry     *nb_composer_build_entry     (NbComposer  *self,
                                          gint64       person_id,
                                          GError     **error);

G_END_DECLS
