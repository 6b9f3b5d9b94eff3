/* cb-window.c: a window showing one project
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a project the window shows the start screen (new, open, recent
 * projects, recovered drafts, examples). With one it shows a sidebar of
 * sections beside the section's page; the document (CbDocument) does the
 * file work, autosave and validation, the pages edit the model through the
 * core's API, so undo, dirty state and validation stay in one place.
 */
#define G_LOG_DOMAIN "cb-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-window.h"
#include "cb-collection-page.h"
#include "cb-dialogs.h"
#include "cb-form.h"
#include "cb-problems-page.h"
#include "cb-search-page.h"
#include "cb-document.h"

struct _CbWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  CbDocument *document;
  GCancellable *cancellable;
  gboolean close_confirmed;
  gboolean loading;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwPreferencesGroup *drafts_group;
  GtkListBox *drafts_list;
  AdwPreferencesGroup *recent_group;
  GtkListBox *recent_list;
  GtkListBox *examples_list;
  AdwWindowTitle *status_title;
  AdwStatusPage *status_page;
  GtkSpinner *status_spinner;
  GtkButton *status_button;
  AdwLeaflet *leaflet;
  GtkListBox *nav_list;
  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkInfoBar *changed_bar;
  GtkLabel *changed_label;
  GtkInfoBar *notice_bar;
  GtkLabel *notice_label;
  GtkStack *page_stack;
  GtkButton *save_button;

  /* Pages */
  CbForm *overview_form;
  CbProblemsPage *problems_page;
  CbSearchPage *search_page;
  GPtrArray *collection_pages;   /* of CbCollectionPage */
  GHashTable *nav_counts;        /* page name → GtkLabel with its count */
  char *page_before_search;
};

G_DEFINE_FINAL_TYPE (CbWindow, cb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_PROJECT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections of a project, in the sidebar's order. */
static const struct {
  const char *name;       /* the page's name; a project list for collections */
  const char *label;
  const char *icon;
  gboolean collection;
} sections[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", FALSE },
  { "courses", N_("Courses"), "x-office-document-symbolic", TRUE },
  { "skills", N_("Skill Needs"), "emblem-system-symbolic", TRUE },
  { "outcomes", N_("Graduation Requirements"), "emblem-default-symbolic", TRUE },
  { "people", N_("People"), "system-users-symbolic", TRUE },
  { "partners", N_("Partners"), "network-workgroup-symbolic", TRUE },
  { "reviews", N_("Reviews"), "mail-unread-symbolic", TRUE },
  { "problems", N_("Problems"), "dialog-warning-symbolic", FALSE },
};

static const char * const overview_hidden[] = {
  "format", "format_version", "id", "created", "modified",
  "people", "partners", "skills", "outcomes", "courses", "reviews", NULL
};

static void update_titles (CbWindow *self);
static void save_document (CbWindow *self, GFile *file, CbSaveFlags flags, gboolean close_after);

/* Small helpers */

static char *
dup_display_name (GFile *file)
{
  const char *path;
  g_autofree char *parse_name = NULL;

  if (file == NULL)
    return g_strdup (_("Not saved yet"));
  path = g_file_peek_path (file);
  if (path != NULL)
    return g_filename_display_basename (path);
  parse_name = g_file_get_parse_name (file);
  return g_path_get_basename (parse_name);
}

static void
toast (CbWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static CbProject *
get_project (CbWindow *self)
{
  return self->document ? cb_document_get_project (self->document) : NULL;
}

static void
set_loading (CbWindow *self,
             gboolean  loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Sections */

/* Pages get the project when first shown, so that opening a large project
 * does not build six editors at once. */
static void
prepare_page (CbWindow   *self,
              const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, name);

  if (CB_IS_COLLECTION_PAGE (page))
    cb_collection_page_set_project (CB_COLLECTION_PAGE (page), get_project (self));
}

static void
show_page (CbWindow   *self,
           const char *name)
{
  GtkListBoxRow *row;

  prepare_page (self, name);
  gtk_stack_set_visible_child_name (self->page_stack, name);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0 &&
        (row = gtk_list_box_get_row_at_index (self->nav_list, (int) i)) != NULL &&
        gtk_list_box_get_selected_row (self->nav_list) != row)
      gtk_list_box_select_row (self->nav_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_nav_row_activated (CbWindow      *self,
                      GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (int) G_N_ELEMENTS (sections))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      show_page (self, sections[index].name);
    }
}

static void
update_counts (CbWindow *self)
{
  CbProject *project = get_project (self);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkLabel *label = g_hash_table_lookup (self->nav_counts, sections[i].name);
      g_autofree char *text = NULL;

      if (label == NULL || project == NULL)
        continue;
      if (sections[i].collection)
        text = g_strdup_printf ("%u", cb_entity_get_n_children (CB_ENTITY (project), sections[i].name));
      else if (g_strcmp0 (sections[i].name, "problems") == 0)
        {
          guint n = cb_document_get_n_errors (self->document) + cb_document_get_n_warnings (self->document);

          text = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");
          gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
          if (cb_document_get_n_errors (self->document) > 0)
            gtk_widget_add_css_class (GTK_WIDGET (label), "error");
          else if (n > 0)
            gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
        }
      else
        text = g_strdup ("");
      gtk_label_set_text (label, text);
    }
}

static void
build_sidebar (CbWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (sections[i].icon);
      GtkWidget *label = gtk_label_new (_(sections[i].label));
      GtkWidget *count = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(sections[i].label), -1);
      gtk_list_box_append (self->nav_list, row);
      g_hash_table_insert (self->nav_counts, (gpointer) sections[i].name, count);
    }
  g_signal_connect_object (self->nav_list, "row-activated", G_CALLBACK (on_nav_row_activated), self,
                           G_CONNECT_SWAPPED);
}

/**
 * cb_window_show_entity:
 * @entity: a record of the project
 * @field: (nullable): the member to focus
 *
 * Opens the section that holds @entity, the record itself and the member.
 */
void
cb_window_show_entity (CbWindow   *self,
                       CbEntity   *entity,
                       const char *field)
{
  CbProject *project;

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (CB_IS_ENTITY (entity));

  project = get_project (self);
  if (project == NULL || cb_entity_get_project (entity) != project)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* The project's own members and nested records (program, institution)
   * are on the overview. */
  if (CB_IS_PROJECT (entity) ||
      (cb_entity_get_parent (entity) == CB_ENTITY (project) && !cb_kind_has_id (cb_entity_get_kind (entity))))
    {
      show_page (self, "overview");
      if (field != NULL)
        cb_form_focus_field (self->overview_form, field);
      return;
    }
  for (guint i = 0; i < self->collection_pages->len; i++)
    {
      CbCollectionPage *page = g_ptr_array_index (self->collection_pages, i);
      CbEntity *top = entity;

      /* The page of the project's list that holds the record. */
      while (cb_entity_get_parent (top) != NULL && cb_entity_get_parent (top) != CB_ENTITY (project))
        top = cb_entity_get_parent (top);
      if (g_strcmp0 (cb_entity_get_parent_field (top), cb_collection_page_get_field (page)) != 0)
        continue;
      prepare_page (self, cb_collection_page_get_field (page));
      if (cb_collection_page_show_entity (page, entity, field))
        {
          show_page (self, cb_collection_page_get_field (page));
          return;
        }
    }
}

static void
on_problem_activated (CbWindow  *self,
                      CbProblem *problem)
{
  CbEntity *entity = cb_problem_get_entity (problem);
  const char *field = cb_problem_get_field (problem);

  if (entity == NULL)
    return;
  /* "hours.practice" is the member "hours" of the record, as far as forms go. */
  if (field != NULL && strchr (field, '.') != NULL)
    {
      g_autofree char *first = g_strndup (field, strcspn (field, "."));

      cb_window_show_entity (self, entity, first);
      return;
    }
  cb_window_show_entity (self, entity, field);
}

static void
on_search_result_activated (CbWindow *self,
                            CbEntity *entity)
{
  cb_window_show_entity (self, entity, NULL);
}

/* Search */

static void
on_search_mode_changed (CbWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      g_free (self->page_before_search);
      self->page_before_search = g_strdup (gtk_stack_get_visible_child_name (self->page_stack));
      gtk_stack_set_visible_child_name (self->page_stack, "search");
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "search") == 0)
    gtk_stack_set_visible_child_name (self->page_stack,
                                      self->page_before_search ? self->page_before_search : "overview");
}

static void
on_search_changed (CbWindow *self)
{
  cb_search_page_set_query (self->search_page, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate (CbWindow *self)
{
  cb_search_page_activate_first (self->search_page);
}

/* The document's state */

static void
update_titles (CbWindow *self)
{
  CbProject *project = get_project (self);
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *title;

  if (self->document == NULL || project == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Coursebridge"));
      return;
    }

  title = cb_document_get_title (self->document);
  name = dup_display_name (cb_document_get_file (self->document));
  if (cb_document_get_read_only (self->document))
    /* Translators: the file name, for a project that cannot be saved */
    subtitle = g_strdup_printf (_("%s (read-only)"), name);
  else if (cb_document_get_dirty (self->document))
    /* Translators: the file name of a project with unsaved changes */
    subtitle = g_strdup_printf (_("• %s (unsaved changes)"), name);
  else
    subtitle = g_strdup (name);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: the window title: the project's title and the app's name */
  window_title = g_strdup_printf (_("%s — Coursebridge"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button),
                          cb_document_get_dirty (self->document) && !cb_document_get_read_only (self->document));
}

static void
update_actions (CbWindow *self)
{
  CbProject *project = get_project (self);
  gboolean writable = project != NULL && !cb_project_get_read_only (project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && cb_project_can_undo (project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && cb_project_can_redo (project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", project != NULL);
}

static void
on_project_changed (CbWindow *self)
{
  update_counts (self);
  update_actions (self);
}

static void
on_document_state (CbWindow *self)
{
  update_titles (self);
  update_actions (self);
  update_counts (self);
}

static void
on_externally_changed (CbWindow *self)
{
  g_autofree char *name = dup_display_name (cb_document_get_file (self->document));
  g_autofree char *text = NULL;

  if (cb_document_get_file_state (self->document) == CB_FILE_STATE_DELETED)
    text = g_strdup_printf (_("“%s” was deleted or moved by another program. Save to keep your work."), name);
  else if (cb_document_get_dirty (self->document))
    text = g_strdup_printf (_("“%s” was changed by another program. Reload it and lose your unsaved changes, or keep your version and overwrite it when you save."), name);
  else
    text = g_strdup_printf (_("“%s” was changed by another program."), name);
  gtk_label_set_text (self->changed_label, text);
  gtk_info_bar_set_revealed (self->changed_bar, cb_document_get_file_state (self->document) != CB_FILE_STATE_OK);
}

static void
on_reload_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (CbWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!cb_document_reload_finish (CB_DOCUMENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cb_show_error (GTK_WINDOW (self), _("Could Not Reload"), error->message);
      return;
    }
  toast (self, _("Reloaded from disk"));
}

static void
reload (CbWindow *self)
{
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  cb_document_reload_async (self->document, self->cancellable, on_reload_finished, g_object_ref (self));
}

static void
on_changed_bar_response (CbWindow *self,
                         int       response)
{
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  if (response == CB_RESPONSE_RELOAD)
    reload (self);
  else if (response == CB_RESPONSE_SAVE)
    save_document (self, NULL, CB_SAVE_OVERWRITE_CHANGED, FALSE);
}

static void
on_notice_bar_response (GtkInfoBar *bar,
                        int         response)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
on_back_clicked (CbWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_project_replaced (CbWindow *self)
{
  CbProject *project = get_project (self);

  if (project == NULL)
    return;
  g_signal_connect_object (project, "changed", G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::can-undo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::can-redo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  cb_form_set_hidden_fields (self->overview_form, overview_hidden);
  cb_form_set_entity (self->overview_form, CB_ENTITY (project));
  /* Pages not shown give up the old project now and get the new one when
   * they are shown; the visible one gets it at once. */
  for (guint i = 0; i < self->collection_pages->len; i++)
    cb_collection_page_set_project (g_ptr_array_index (self->collection_pages, i), NULL);
  prepare_page (self, gtk_stack_get_visible_child_name (self->page_stack));
  cb_search_page_set_project (self->search_page, project);
  on_document_state (self);
}

static void
show_project (CbWindow *self)
{
  const char *notice = cb_document_get_notice (self->document);

  on_project_replaced (self);
  cb_problems_page_set_problems (self->problems_page, cb_document_get_problems (self->document));
  gtk_label_set_text (self->notice_label, notice ? notice : "");
  gtk_info_bar_set_revealed (self->notice_bar, notice != NULL && *notice != '\0');
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  show_page (self, "overview");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
set_document (CbWindow   *self,
              CbDocument *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document == NULL)
    return;

  g_settings_bind (self->settings, "autosave", document, "autosave", G_SETTINGS_BIND_GET);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (on_document_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::dirty", G_CALLBACK (on_document_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (on_document_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (on_document_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::n-errors", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::n-warnings", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::project", G_CALLBACK (on_project_replaced), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "externally-changed", G_CALLBACK (on_externally_changed), self, G_CONNECT_SWAPPED);
}

/* Opening */

static void
show_status (CbWindow   *self,
             const char *icon,
             const char *title,
             const char *description,
             gboolean    busy)
{
  g_autofree char *escaped = description ? g_markup_escape_text (description, -1) : NULL;

  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  /* The description is markup, and messages may hold '<' or '&'. */
  adw_status_page_set_description (self->status_page, escaped);
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), busy);
  gtk_spinner_set_spinning (self->status_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), !busy);
  gtk_stack_set_visible_child_name (self->main_stack, "status");
}

static void
on_load_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (CbWindow) self = user_data;
  CbDocument *document = CB_DOCUMENT (source);
  g_autoptr (GError) error = NULL;

  if (document != self->document)
    return;  /* another file was opened meanwhile */

  set_loading (self, FALSE);
  if (!cb_document_load_finish (document, result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (cb_project_error_get_path (error) != NULL && *cb_project_error_get_path (error) != '\0')
        /* Translators: an error message, then where in the project it is,
         * such as courses[1].modules[2].title */
        message = g_strdup_printf (_("%s\n(in %s)"), error->message, cb_project_error_get_path (error));
      else
        message = g_strdup (error->message);
      show_status (self, "dialog-error-symbolic", _("Could Not Open Project"), message, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
      return;
    }

  cb_window_add_recent (cb_document_get_file (document));
  show_project (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * cb_window_open:
 * @file: a project file
 *
 * Opens @file in this window, in a worker thread; the window shows that it
 * is loading meanwhile and stays responsive.
 */
void
cb_window_open (CbWindow *self,
                GFile    *file)
{
  g_autoptr (CbDocument) document = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  document = cb_document_new_for_file (file);
  set_document (self, document);
  name = dup_display_name (file);
  adw_window_title_set_subtitle (self->status_title, name);
  show_status (self, "document-open-symbolic", _("Opening Project…"), name, TRUE);
  set_loading (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  cb_document_load_async (document, self->cancellable, on_load_finished, g_object_ref (self));
}

/**
 * cb_window_new_project:
 *
 * Shows a new, empty project in this window.
 */
void
cb_window_new_project (CbWindow *self)
{
  g_autoptr (CbDocument) document = cb_document_new ();
  CbProject *project = cb_document_get_project (document);
  g_autofree char *language = NULL;
  const char * const *languages = g_get_language_names ();

  g_return_if_fail (CB_IS_WINDOW (self));

  /* A new project's content is in the user's language, and nothing to undo. */
  language = g_strdup (languages[0] != NULL && g_str_has_prefix (languages[0], "zh") ? "zh-CN" : "en");
  cb_entity_set_string (CB_ENTITY (project), "title", _("Untitled curriculum"));
  cb_entity_set_string (CB_ENTITY (project), "language", language);
  cb_project_forget_history (project);
  set_document (self, document);
  show_project (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  cb_form_focus_field (self->overview_form, "title");
}

/**
 * cb_window_restore_draft:
 * @draft: unsaved work recovered after a crash
 *
 * Shows the draft's project in this window, with its changes unsaved.
 */
void
cb_window_restore_draft (CbWindow *self,
                         CbDraft  *draft)
{
  g_autoptr (CbDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CB_IS_WINDOW (self));

  document = cb_document_new_from_draft (draft, &error);
  if (document == NULL)
    {
      cb_show_error (GTK_WINDOW (self), _("Could Not Restore the Unsaved Work"), error->message);
      return;
    }
  set_document (self, document);
  show_project (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  toast (self, _("Unsaved work restored; save it to keep it"));
}

/* Saving */

typedef struct
{
  CbWindow *self;
  GFile *file;
  gboolean close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void save_as (CbWindow *self, gboolean close_after);

static void
on_changed_on_disk_response (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  SaveData *data = user_data;
  int response = cb_ask_finish (result);

  if (response == CB_RESPONSE_SAVE)
    save_document (data->self, data->file, CB_SAVE_OVERWRITE_CHANGED, data->close_after);
  else if (response == CB_RESPONSE_RELOAD)
    reload (data->self);
  save_data_free (data);
}

static void
on_save_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveData *data = user_data;
  CbWindow *self = data->self;
  g_autoptr (GError) error = NULL;

  if (!cb_document_save_finish (CB_DOCUMENT (source), result, &error))
    {
      if (g_error_matches (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_CHANGED_ON_DISK))
        {
          cb_ask_changed_on_disk_async (GTK_WINDOW (self), cb_document_get_title (self->document),
                                        on_changed_on_disk_response, data);
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cb_show_error (GTK_WINDOW (self), _("Could Not Save"), error->message);
      save_data_free (data);
      return;
    }

  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  cb_window_add_recent (cb_document_get_file (self->document));
  if (data->close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    toast (self, _("Saved"));
  save_data_free (data);
}

static void
save_document (CbWindow    *self,
               GFile       *file,
               CbSaveFlags  flags,
               gboolean     close_after)
{
  SaveData *data;

  if (self->document == NULL)
    return;
  if (file == NULL && cb_document_get_file (self->document) == NULL)
    {
      save_as (self, close_after);
      return;
    }
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = file ? g_object_ref (file) : NULL;
  data->close_after = close_after;
  cb_document_save_async (self->document, file, flags, self->cancellable, on_save_finished, data);
}

static void
on_save_as_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr (GFile) file = cb_choose_file_finish (result);

  if (file != NULL)
    save_document (data->self, file, CB_SAVE_NONE, data->close_after);
  save_data_free (data);
}

static void
save_as (CbWindow *self,
         gboolean  close_after)
{
  SaveData *data = g_new0 (SaveData, 1);
  g_autofree char *suggested = NULL;

  data->self = g_object_ref (self);
  data->close_after = close_after;
  suggested = g_strconcat (cb_document_get_title (self->document), ".coursebridge", NULL);
  g_strdelimit (suggested, "/\\", '-');
  cb_choose_save_file_async (GTK_WINDOW (self), suggested, cb_document_get_file (self->document),
                             on_save_as_chosen, data);
}

/* Actions */

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_document (CB_WINDOW (widget), NULL, CB_SAVE_NONE, FALSE);
}

static void
action_save_as (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (CB_WINDOW (widget), FALSE);
}

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbProject *project = get_project (CB_WINDOW (widget));

  if (project != NULL && !cb_project_get_read_only (project))
    cb_project_undo (project);
}

static void
action_redo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbProject *project = get_project (CB_WINDOW (widget));

  if (project != NULL && !cb_project_get_read_only (project))
    cb_project_redo (project);
}

static void
action_find (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);

  if (get_project (self) == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_show_page (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);

  if (get_project (self) == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  show_page (self, g_variant_get_string (parameter, NULL));
}

/* Closing */

static void
on_close_response (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (CbWindow) self = user_data;
  int response = cb_ask_finish (result);

  if (response == CB_RESPONSE_SAVE)
    save_document (self, NULL, CB_SAVE_NONE, TRUE);
  else if (response == CB_RESPONSE_DISCARD)
    {
      cb_document_discard_draft (self->document);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
cb_window_close_request (GtkWindow *window)
{
  CbWindow *self = CB_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && self->document != NULL && get_project (self) != NULL &&
      cb_document_get_dirty (self->document) && !cb_document_get_read_only (self->document))
    {
      cb_ask_save_changes_async (window, cb_document_get_title (self->document),
                                 on_close_response, g_object_ref (self));
      return TRUE;
    }

  /* The default size is the window's current, unmaximized size. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (cb_window_parent_class)->close_request (window);
}

static void
on_is_active_changed (CbWindow *self)
{
  /* Another program may have changed the file while we were away. */
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->document != NULL &&
      cb_document_get_file (self->document) != NULL && !self->loading)
    cb_document_check_file (self->document);
}

/* The start screen */

static GtkWidget *
file_row (const char *title,
          const char *subtitle,
          GFile      *file)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (escaped_subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);
  return row;
}

static void
on_file_row_activated (CbWindow      *self,
                       GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    cb_window_open (self, file);
}

static void
fill_examples (CbWindow *self)
{
  static const struct {
    const char *file;
    const char *title;
    const char *subtitle;
  } examples[] = {
    { "robotics-en.coursebridge", N_("Industrial Robotics (English)"),
      N_("A bachelor program co-built with two companies and a training base") },
    { "robotics-zh.coursebridge", N_("工业机器人技术 (Chinese)"),
      N_("A higher-vocational program with graduation requirements and indicators") },
  };
  const char *dir = g_getenv ("COURSEBRIDGE_EXAMPLES_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    dir = g_file_test (EXAMPLESDIR, G_FILE_TEST_IS_DIR) ? EXAMPLESDIR : SOURCE_EXAMPLESDIR;
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_build_filename (dir, examples[i].file, NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        gtk_list_box_append (self->examples_list,
                             file_row (_(examples[i].title), _(examples[i].subtitle), file));
    }
}

static void
fill_recent (CbWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint shown = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL && shown < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr (GFile) file = NULL;
      g_autofree char *parent_name = NULL;
      g_autoptr (GFile) parent = NULL;

      if (!g_str_has_suffix (uri, ".coursebridge") || !gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (uri);
      parent = g_file_get_parent (file);
      parent_name = parent ? g_file_get_parse_name (parent) : NULL;
      gtk_list_box_append (self->recent_list,
                           file_row (gtk_recent_info_get_display_name (info), parent_name, file));
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
on_draft_restore (GtkButton *button,
                  CbWindow  *self)
{
  CbDraft *draft = g_object_get_data (G_OBJECT (button), "draft");

  cb_window_restore_draft (self, draft);
}

static void
on_draft_discard (GtkButton *button,
                  CbWindow  *self)
{
  CbDraft *draft = g_object_get_data (G_OBJECT (button), "draft");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  cb_draft_delete (draft);
  gtk_list_box_remove (self->drafts_list, row);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->drafts_list)) == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->drafts_group), FALSE);
}

static void
fill_drafts (CbWindow *self)
{
  g_autoptr (GPtrArray) drafts = cb_document_list_drafts ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->drafts_list))) != NULL)
    gtk_list_box_remove (self->drafts_list, child);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      CbDraft *draft = g_ptr_array_index (drafts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
      GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_markup_escape_text (cb_draft_get_title (draft) ? cb_draft_get_title (draft)
                                                                                : _("Untitled curriculum"), -1);
      g_autofree char *when = cb_draft_get_saved (draft)
                              ? g_date_time_format (cb_draft_get_saved (draft), "%c") : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;

      name = dup_display_name (cb_draft_get_file (draft));
      /* Translators: a file name and when its unsaved changes were last kept */
      subtitle = g_markup_printf_escaped (_("%s, %s"), name, when ? when : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (discard, "flat");
      gtk_widget_set_tooltip_text (discard, _("Discard the Unsaved Work"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Discard the Unsaved Work"), -1);
      g_object_set_data_full (G_OBJECT (restore), "draft", g_object_ref (draft), g_object_unref);
      g_object_set_data_full (G_OBJECT (discard), "draft", g_object_ref (draft), g_object_unref);
      g_signal_connect_object (restore, "clicked", G_CALLBACK (on_draft_restore), self, 0);
      g_signal_connect_object (discard, "clicked", G_CALLBACK (on_draft_discard), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
      gtk_list_box_append (self->drafts_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->drafts_group), drafts != NULL && drafts->len > 0);
}

/**
 * cb_window_add_recent:
 *
 * Records @file among the recent projects.
 */
void
cb_window_add_recent (GFile *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  static char *groups[] = { (char *) "coursebridge", NULL };

  if (file == NULL)
    return;
  uri = g_file_get_uri (file);
  data.mime_type = (char *) "application/x-coursebridge+json";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "coursebridge %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Dropping files on the window */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CbWindow      *self)
{
  GSList *files;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr (GPtrArray) array = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len == 0 || app == NULL)
    return FALSE;
  g_application_open (app, (GFile **) array->pdata, (int) array->len, "");
  return TRUE;
}

/* Public accessors */

/**
 * cb_window_get_file:
 *
 * Returns: (transfer none) (nullable): the project's file
 */
GFile *
cb_window_get_file (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->document ? cb_document_get_file (self->document) : NULL;
}

/**
 * cb_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown, once loaded
 */
CbProject *
cb_window_get_project (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  if (self->loading)
    return NULL;
  return get_project (self);
}

/**
 * cb_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CbDocument *
cb_window_get_document (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->document;
}

gboolean
cb_window_get_loading (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return self->loading;
}

/**
 * cb_window_is_empty:
 *
 * Returns: %TRUE while the window shows the start screen or an error, so
 * that opening a file may use it instead of a new window
 */
gboolean
cb_window_is_empty (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return !self->loading && get_project (self) == NULL;
}

/**
 * cb_window_get_visible_page:
 *
 * Returns: (transfer none): what the window shows: "start", "status" (opening
 * or could not open), or the name of a project's page ("overview",
 * "courses", …, "problems", "search")
 */
const char *
cb_window_get_visible_page (CbWindow *self)
{
  const char *main_page;

  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  main_page = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (main_page, "project") != 0)
    return main_page;
  return gtk_stack_get_visible_child_name (self->page_stack);
}

/**
 * cb_window_get_page:
 * @name: a page's name, as cb_window_get_visible_page() gives it
 *
 * Returns: (transfer none) (nullable): the page widget
 */
GtkWidget *
cb_window_get_page (CbWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->page_stack, name);
}

/**
 * cb_window_get_status_text:
 *
 * Returns: (transfer none) (nullable): the title and description of the
 * opening or error screen, for tests
 */
const char *
cb_window_get_status_text (CbWindow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  text = g_strconcat (adw_status_page_get_title (self->status_page) ?: "", "\n",
                      adw_status_page_get_description (self->status_page) ?: "", NULL);
  g_object_set_data_full (G_OBJECT (self), "status-text", g_steal_pointer (&text), g_free);
  return g_object_get_data (G_OBJECT (self), "status-text");
}

/**
 * cb_window_get_changed_on_disk_shown:
 *
 * Returns: whether the bar about a file changed by another program shows
 */
gboolean
cb_window_get_changed_on_disk_shown (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return gtk_info_bar_get_revealed (self->changed_bar);
}

/**
 * cb_window_get_draft_count:
 *
 * Returns: how many recovered drafts the start screen offers
 */
guint
cb_window_get_draft_count (CbWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (CB_IS_WINDOW (self), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->drafts_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return gtk_widget_get_visible (GTK_WIDGET (self->drafts_group)) ? n : 0;
}

/* GObject */

static void
cb_window_dispose (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_WINDOW);

  G_OBJECT_CLASS (cb_window_parent_class)->dispose (object);
}

static void
cb_window_finalize (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->collection_pages, g_ptr_array_unref);
  g_clear_pointer (&self->nav_counts, g_hash_table_unref);
  g_free (self->page_before_search);

  G_OBJECT_CLASS (cb_window_parent_class)->finalize (object);
}

static void
cb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CbWindow *self = CB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, cb_window_get_file (self));
      break;
    case PROP_PROJECT:
      g_value_set_object (value, cb_window_get_project (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_window_class_init (CbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cb_window_dispose;
  object_class->finalize = cb_window_finalize;
  object_class->get_property = cb_window_get_property;
  window_class->close_request = cb_window_close_request;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CB_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/cb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, examples_list);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, status_title);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, nav_list);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, notice_bar);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, save_button);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", action_show_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", sections[i].name);

  g_type_ensure (CB_TYPE_FORM);
}

static void
cb_window_init (CbWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->collection_pages = g_ptr_array_new ();
  self->nav_counts = g_hash_table_new (g_str_hash, g_str_equal);

  self->settings = g_settings_new (BASE_APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The pages of a project */
  self->overview_form = CB_FORM (cb_form_new ());
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->overview_form), "overview");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].collection)
      {
        GtkWidget *page = cb_collection_page_new (sections[i].name);

        g_ptr_array_add (self->collection_pages, page);
        gtk_stack_add_named (self->page_stack, page, sections[i].name);
      }
  self->problems_page = CB_PROBLEMS_PAGE (cb_problems_page_new ());
  g_signal_connect_object (self->problems_page, "activate-problem", G_CALLBACK (on_problem_activated),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->problems_page), "problems");
  self->search_page = CB_SEARCH_PAGE (cb_search_page_new ());
  g_signal_connect_object (self->search_page, "activate-result", G_CALLBACK (on_search_result_activated),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->search_page), "search");
  build_sidebar (self);

  /* Search */
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);

  /* The bars about the file */
  gtk_info_bar_add_button (self->changed_bar, _("_Reload"), CB_RESPONSE_RELOAD);
  gtk_info_bar_add_button (self->changed_bar, _("_Keep Mine"), CB_RESPONSE_SAVE);
  g_signal_connect_object (self->changed_bar, "response", G_CALLBACK (on_changed_bar_response), self,
                           G_CONNECT_SWAPPED);
  /* A button with a name rather than the bar's own unnamed close icon. */
  gtk_info_bar_add_button (self->notice_bar, _("_Close"), GTK_RESPONSE_CLOSE);
  g_signal_connect (self->notice_bar, "response", G_CALLBACK (on_notice_bar_response), NULL);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (on_back_clicked), self,
                           G_CONNECT_SWAPPED);

  /* The start screen */
  fill_examples (self);
  fill_recent (self);
  fill_drafts (self);
  g_signal_connect_object (self->recent_list, "row-activated", G_CALLBACK (on_file_row_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->examples_list, "row-activated", G_CALLBACK (on_file_row_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->main_stack, "start");

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);
  update_actions (self);
}

/**
 * cb_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer full): a new window showing the start screen
 */
CbWindow *
cb_window_new (GtkApplication *application)
{
  return g_object_new (CB_TYPE_WINDOW, "application", application, NULL);
}
