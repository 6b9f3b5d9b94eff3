/* cb-document.c: one open project: its file, drafts, watching and validation
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window holds one CbDocument. The document owns the project and keeps
 * everything around it in one place: loading and saving, the state of the
 * file on disk (watched, so that a change by another program is noticed),
 * the validator's findings (re-computed a moment after each edit) and the
 * drafts that let the user recover unsaved edits after a crash.
 *
 * This file holds the object itself: its properties and signals, the
 * project and when its draft is written. Loading and saving are in
 * cb-document-io.c, validation in cb-document-validate.c, watching the
 * file in cb-document-watch.c and the draft files in cb-draft.c.
 */

#define G_LOG_DOMAIN "cb-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-document-private.h"
#include "cb-problem.h"
#include "cb-project-private.h"

#define DEFAULT_VALIDATION_DELAY_MS 300
#define DEFAULT_AUTOSAVE_DELAY_MS 3000

G_DEFINE_ENUM_TYPE (CbFileState, cb_file_state,
                    G_DEFINE_ENUM_VALUE (CB_FILE_STATE_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (CB_FILE_STATE_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (CB_FILE_STATE_DELETED, "deleted"))

/* CbDocument */

G_DEFINE_FINAL_TYPE (CbDocument, cb_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_TITLE,
  PROP_NOTICE,
  PROP_DIRTY,
  PROP_READ_ONLY,
  PROP_LOADING,
  PROP_SAVING,
  PROP_FILE_STATE,
  PROP_PROBLEMS,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_AUTOSAVE,
  PROP_AUTOSAVE_DELAY,
  PROP_VALIDATION_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXTERNALLY_CHANGED,
  PROBLEMS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_boolean (CbDocument *self,
             guint       prop,
             gboolean    value)
{
  gboolean old;

  value = !!value;
  switch (prop)
    {
    case PROP_DIRTY: old = self->dirty; self->dirty = value; break;
    case PROP_READ_ONLY: old = self->read_only; self->read_only = value; break;
    case PROP_LOADING: old = self->loading; self->loading = value; break;
    case PROP_SAVING: old = self->saving; self->saving = value; break;
    default: g_assert_not_reached ();
    }
  if (old != value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_cb_document_set_notice (CbDocument *self,
                         const char *notice)
{
  if (g_strcmp0 (self->notice, notice) == 0)
    return;
  g_free (self->notice);
  self->notice = g_strdup (notice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

void
_cb_document_set_file_state (CbDocument  *self,
                             CbFileState  state,
                             gboolean     emit)
{
  if (self->file_state == state)
    return;
  self->file_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_STATE]);
  if (emit && state != CB_FILE_STATE_OK)
    g_signal_emit (self, signals[EXTERNALLY_CHANGED], 0);
}

static void
update_title (CbDocument *self)
{
  const char *project_title = self->project ? cb_project_get_title (self->project) : NULL;
  g_autofree char *title = g_strstrip (g_strdup (project_title ? project_title : ""));

  if (title[0] == '\0')
    {
      g_free (title);
      if (self->file != NULL)
        {
          g_autofree char *basename = g_file_get_basename (self->file);

          title = g_filename_display_name (basename ? basename : "");
        }
      else
        title = g_strdup (_("Untitled curriculum"));
    }
  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

void
_cb_document_set_file (CbDocument *self,
                       GFile      *file)
{
  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_title (self);
}

void
_cb_document_set_loading (CbDocument *self,
                          gboolean    loading)
{
  set_boolean (self, PROP_LOADING, loading);
}

void
_cb_document_set_saving (CbDocument *self,
                         gboolean    saving)
{
  set_boolean (self, PROP_SAVING, saving);
}

void
_cb_document_problems_changed (CbDocument *self,
                               guint       n_errors,
                               guint       n_warnings)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != n_warnings)
    {
      self->n_warnings = n_warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
}

/* Drafts of this document */

void
_cb_document_remove_draft (CbDocument *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (!self->draft_may_exist)
    return;

  _cb_draft_remove (self->draft_lock, self->draft_id);
  self->draft_may_exist = FALSE;
}

static void
write_draft (CbDocument *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  /* A read-only project could not be restored by this version either. */
  if (!self->autosave || self->project == NULL || !self->dirty || self->read_only)
    return;

  _cb_draft_write (self->draft_lock, self->draft_id, self->project, self->file, self->title);
  self->draft_may_exist = TRUE;
}

static gboolean
on_autosave_timeout (gpointer user_data)
{
  CbDocument *self = user_data;

  self->autosave_source = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

void
_cb_document_schedule_autosave (CbDocument *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (!self->autosave || self->project == NULL || !self->dirty || self->read_only)
    return;
  self->autosave_source = g_timeout_add (self->autosave_delay, on_autosave_timeout, self);
  g_source_set_name_by_id (self->autosave_source, "[coursebridge] autosave");
}

/* The project */

static void
sync_dirty (CbDocument *self)
{
  gboolean dirty = self->project != NULL && cb_project_get_dirty (self->project);

  set_boolean (self, PROP_DIRTY, dirty);
  /* Saved, or undone back to what was saved: nothing left to recover. */
  if (!dirty)
    _cb_document_remove_draft (self);
}

static void
sync_read_only (CbDocument *self)
{
  set_boolean (self, PROP_READ_ONLY,
               self->project != NULL && cb_project_get_read_only (self->project));
}

static void
on_project_changed (CbDocument *self,
                    CbProject  *project)
{
  update_title (self);
  _cb_document_schedule_validation (self);
  _cb_document_schedule_autosave (self);
}

static void
on_project_notify_dirty (CbDocument *self,
                         GParamSpec *pspec,
                         CbProject  *project)
{
  sync_dirty (self);
}

static void
on_project_notify_read_only (CbDocument *self,
                             GParamSpec *pspec,
                             CbProject  *project)
{
  sync_read_only (self);
}

void
_cb_document_set_project (CbDocument *self,
                          CbProject  *project)
{
  if (self->project == project)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "changed",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::dirty",
                               G_CALLBACK (on_project_notify_dirty), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::read-only",
                               G_CALLBACK (on_project_notify_read_only), self, G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  sync_dirty (self);
  sync_read_only (self);
  update_title (self);
  _cb_document_validate (self);
  _cb_document_schedule_autosave (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cb_document_discard_draft:
 *
 * Removes the document's draft, when the user closes it without saving.
 * (A document that is only dropped keeps its draft for recovery.)
 */
void
cb_document_discard_draft (CbDocument *self)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));
  _cb_document_remove_draft (self);
}

/* Construction */

/**
 * cb_document_new:
 *
 * Creates a document for a new, empty project that has no file yet.
 *
 * Returns: (transfer full): the document
 */
CbDocument *
cb_document_new (void)
{
  CbDocument *self = g_object_new (CB_TYPE_DOCUMENT, NULL);
  g_autoptr (CbProject) project = cb_project_new ();

  _cb_document_set_project (self, project);
  return self;
}

/**
 * cb_document_new_for_file:
 *
 * Creates a document for @file, not loaded yet: call
 * cb_document_load_async(). Until then #CbDocument:project is %NULL.
 *
 * Returns: (transfer full): the document
 */
CbDocument *
cb_document_new_for_file (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (CB_TYPE_DOCUMENT, "file", file, NULL);
}

/**
 * cb_document_new_from_draft:
 *
 * Recovers the edits a draft holds. The document is dirty and points at
 * the draft's original file (if it had one): saving there checks for
 * changes by others against the content the draft was based on. The draft
 * stays until the document is saved or its draft discarded.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CbDocument *
cb_document_new_from_draft (CbDraft  *draft,
                            GError  **error)
{
  g_autoptr (CbDocument) self = NULL;
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GFile) draft_file = NULL;

  g_return_val_if_fail (CB_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (_cb_draft_live_contains (cb_draft_get_id (draft)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("These unsaved changes are already open in another window."));
      return NULL;
    }

  draft_file = g_file_new_for_path (cb_draft_get_path (draft));
  project = cb_project_load_from_file (draft_file, CB_LOAD_NONE, NULL, error);
  if (project == NULL)
    return NULL;
  _cb_project_set_file_state (project, cb_draft_get_file (draft),
                              _cb_draft_get_content_hash (draft));
  _cb_project_set_dirty (project);

  self = g_object_new (CB_TYPE_DOCUMENT, "file", cb_draft_get_file (draft), NULL);
  _cb_draft_live_remove (self->draft_id);
  g_free (self->draft_id);
  self->draft_id = g_strdup (cb_draft_get_id (draft));
  _cb_draft_live_add (self->draft_id);
  self->draft_may_exist = TRUE;

  _cb_document_set_project (self, project);
  _cb_document_start_monitor (self);
  /* The original may have changed since the crash: say so from the start. */
  _cb_document_check_now (self);
  return g_steal_pointer (&self);
}

static void
cb_document_dispose (GObject *object)
{
  CbDocument *self = CB_DOCUMENT (object);

  /* Loads and saves hold the document until they finish, so none is
   * pending here. Drafts are kept: a document dropped without being saved
   * or discarded is what a crash looks like. */
  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  _cb_document_stop_monitor (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (cb_document_parent_class)->dispose (object);
}

static void
cb_document_finalize (GObject *object)
{
  CbDocument *self = CB_DOCUMENT (object);

  _cb_draft_live_remove (self->draft_id);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->draft_lock, _cb_draft_lock_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (cb_document_parent_class)->finalize (object);
}

static void
cb_document_constructed (GObject *object)
{
  CbDocument *self = CB_DOCUMENT (object);

  G_OBJECT_CLASS (cb_document_parent_class)->constructed (object);

  update_title (self);
}

static void
cb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CbDocument *self = CB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_FILE_STATE:
      g_value_set_enum (value, self->file_state);
      break;
    case PROP_PROBLEMS:
      g_value_set_object (value, self->problems);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_AUTOSAVE:
      g_value_set_boolean (value, self->autosave);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    case PROP_VALIDATION_DELAY:
      g_value_set_uint (value, self->validation_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CbDocument *self = CB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      /* Construct-only: nobody can be listening yet. */
      g_set_object (&self->file, g_value_get_object (value));
      break;
    case PROP_AUTOSAVE:
      cb_document_set_autosave (self, g_value_get_boolean (value));
      break;
    case PROP_AUTOSAVE_DELAY:
      cb_document_set_autosave_delay (self, g_value_get_uint (value));
      break;
    case PROP_VALIDATION_DELAY:
      cb_document_set_validation_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_document_class_init (CbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = cb_document_constructed;
  object_class->dispose = cb_document_dispose;
  object_class->finalize = cb_document_finalize;
  object_class->get_property = cb_document_get_property;
  object_class->set_property = cb_document_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CB_TYPE_PROJECT, ro);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL, ro);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE, ro);
  properties[PROP_FILE_STATE] =
    g_param_spec_enum ("file-state", NULL, NULL, CB_TYPE_FILE_STATE, CB_FILE_STATE_OK, ro);
  properties[PROP_PROBLEMS] =
    g_param_spec_object ("problems", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_AUTOSAVE] =
    g_param_spec_boolean ("autosave", NULL, NULL, TRUE, rw);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT,
                       DEFAULT_AUTOSAVE_DELAY_MS, rw);
  properties[PROP_VALIDATION_DELAY] =
    g_param_spec_uint ("validation-delay", NULL, NULL, 0, G_MAXUINT,
                       DEFAULT_VALIDATION_DELAY_MS, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbDocument::externally-changed:
   *
   * Emitted when another program changed or deleted the file (see
   * #CbDocument:file-state); never for the document's own saves.
   */
  signals[EXTERNALLY_CHANGED] =
    g_signal_new ("externally-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CbDocument::problems-changed:
   *
   * Emitted after every validation, once #CbDocument:problems and the
   * counts are up to date.
   */
  signals[PROBLEMS_CHANGED] =
    g_signal_new ("problems-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cb_document_init (CbDocument *self)
{
  self->problems = g_list_store_new (CB_TYPE_PROBLEM);
  self->autosave = TRUE;
  self->autosave_delay = DEFAULT_AUTOSAVE_DELAY_MS;
  self->validation_delay = DEFAULT_VALIDATION_DELAY_MS;
  self->file_state = CB_FILE_STATE_OK;
  self->draft_lock = _cb_draft_lock_new ();
  self->draft_id = g_uuid_string_random ();
  _cb_draft_live_add (self->draft_id);
}

/* Accessors */

/**
 * cb_document_get_project:
 *
 * Returns: (transfer none) (nullable): the project, %NULL until a document
 *   made with cb_document_new_for_file() is loaded
 */
CbProject *
cb_document_get_project (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->project;
}

/**
 * cb_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file, %NULL for a project
 *   never saved
 */
GFile *
cb_document_get_file (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * cb_document_get_title:
 *
 * Returns: the project's title, else the file's name, else "Untitled
 *   curriculum"
 */
const char *
cb_document_get_title (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * cb_document_get_notice:
 *
 * Returns: (nullable): a sentence for the user about how the project was
 *   opened (read-only, say), or %NULL
 */
const char *
cb_document_get_notice (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->notice;
}

gboolean
cb_document_get_dirty (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  return self->dirty;
}

gboolean
cb_document_get_read_only (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

gboolean
cb_document_get_loading (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  return self->loading;
}

gboolean
cb_document_get_saving (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  return self->saving;
}

CbFileState
cb_document_get_file_state (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), CB_FILE_STATE_OK);
  return self->file_state;
}

gboolean
cb_document_get_autosave (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  return self->autosave;
}

/**
 * cb_document_set_autosave:
 *
 * Whether unsaved changes are written to a draft for crash recovery.
 * Turning it off keeps an existing draft until the project is saved or
 * the draft discarded.
 */
void
cb_document_set_autosave (CbDocument *self,
                          gboolean    autosave)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));

  autosave = !!autosave;
  if (self->autosave == (guint) autosave)
    return;
  self->autosave = autosave;
  _cb_document_schedule_autosave (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE]);
}

guint
cb_document_get_autosave_delay (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), 0);
  return self->autosave_delay;
}

/**
 * cb_document_set_autosave_delay:
 * @delay_ms: how long after the last change a draft is written
 */
void
cb_document_set_autosave_delay (CbDocument *self,
                                guint       delay_ms)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));

  if (self->autosave_delay == delay_ms)
    return;
  self->autosave_delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

guint
cb_document_get_validation_delay (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), 0);
  return self->validation_delay;
}

/**
 * cb_document_set_validation_delay:
 * @delay_ms: how long after the last change the project is validated again
 */
void
cb_document_set_validation_delay (CbDocument *self,
                                  guint       delay_ms)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));

  if (self->validation_delay == delay_ms)
    return;
  self->validation_delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATION_DELAY]);
}
