/* nb-gui-test.h: shared helpers for Netbook's GTK tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nb-dialog.h"
#include "nb-store.h"

G_BEGIN_DECLS

/* gtk_test_init() plus libadwaita, the GResource and the app's CSS. */
void        nb_gui_test_init        (int          *argc,
                                     char       ***argv);
/* g_test_run(), then drops the application so leak checks stay exact. */
int         nb_gui_test_run         (void);
/* A registered NbApplication (its startup has run), for windows. */
GApplication *nb_gui_test_get_app   (void);
/* A store in the test's private scratch folder; @name is the file name.
 * Opens the same file again when called twice with one name. */
NbStore    *nb_gui_test_open_store  (const char   *name);
/* Spins the main loop until @widget is mapped and has drawn a frame. */
void        nb_gui_test_wait_drawn  (GtkWidget    *widget);
/* Spins the main loop for @ms milliseconds. */
void        nb_gui_test_spin        (guint         ms);
/* Renders @widget as it is on screen (widget paintable → snapshot →
 * renderer → texture). */
GdkTexture *nb_gui_test_render      (GtkWidget    *widget);
/* Renders and saves to $NETBOOK_SCREENSHOT_DIR (else the test build
 * folder's screenshots/) as NAME.png; returns the texture. */
GdkTexture *nb_gui_test_screenshot  (GtkWidget    *widget,
                                     const char   *name);
/* Mean luminance 0..1 of the texture, to tell light from dark. */
double      nb_gui_test_luminance   (GdkTexture   *texture);
/* The first descendant of @root that is a @type (depth first), or NULL. */
GtkWidget  *nb_gui_test_find        (GtkWidget    *root,
                                     GType         type);
/* The first GtkLabel under @root whose text equals @text, or NULL. */
GtkWidget  *nb_gui_test_find_label  (GtkWidget    *root,
                                     const char   *text);

/* Alerts (nb-dialog.h): AdwMessageDialog on libadwaita 1.2, a window
 * of its own, or AdwAlertDialog on 1.5+, inside its parent's window. */
/* The first shown alert over @parent (NULL: any), or NULL. */
GtkWidget  *nb_gui_test_find_alert  (GtkWindow    *parent);
/* Spins the main loop until an alert is shown (at most 30 s). */
GtkWidget  *nb_gui_test_wait_for_alert (void);
/* What clicking the @response button does: answers, then closes. */
void        nb_gui_test_respond     (GtkWidget    *dialog,
                                     const char   *response);
/* Destroys @dialog, shown or not, without a response if never shown. */
void        nb_gui_test_destroy_dialog (GtkWidget *dialog);

/* Activates what @keyval with @modifiers does in @widget's own
 * shortcut controllers; FALSE if none has it. */
gboolean    nb_gui_test_press       (GtkWidget       *widget,
                                     guint            keyval,
                                     GdkModifierType  modifiers);
/* The visible window @parent opened, if any. */
GtkWindow  *nb_gui_test_find_transient_window (GtkWindow *parent);
/* What Ctrl+A, Ctrl+C in @view put on the clipboard. */
char       *nb_gui_test_dup_copied_text (GtkTextView *view);

G_END_DECLS
