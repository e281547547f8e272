/* The post form in the admin (PostAdmin.Media): a live preview of the body, tag suggestions,
   byline order by buttons and a guard on typed names, the focal point set by a click on the
   photo (also before the first save), and Schedule… asking for its time. Each is an extra:
   without JavaScript the form works with its plain fields. */
"use strict";

(function () {
    function debounce(wait, action) {
        let timer;
        return function () {
            clearTimeout(timer);
            timer = setTimeout(action, wait);
        };
    }

    function csrfToken() {
        const field = document.querySelector("input[name=csrfmiddlewaretoken]");
        return field ? field.value : "";
    }

    /* The body as readers will see it, beside the text (PostAdmin.markdown_preview_view
       renders and sanitizes it as the site does). */
    function setUpPreview() {
        const body = document.querySelector("textarea[data-preview-url]");
        if (!body) {
            return;
        }
        const pane = document.createElement("div");
        pane.className = "markdown-preview";
        // It scrolls when the body is long: keyboard users reach it (WCAG 2.1.1).
        pane.tabIndex = 0;
        pane.setAttribute("role", "region");
        pane.setAttribute("aria-label", "Preview of the body");
        const heading = document.createElement("p");
        heading.className = "markdown-preview-heading";
        heading.textContent = "Preview";
        const article = document.createElement("div");
        article.className = "markdown-preview-body";
        pane.append(heading, article);
        const pair = document.createElement("div");
        pair.className = "body-and-preview is-writing";
        body.before(pair);
        pair.append(body, pane);

        // Below 1100px wide the two take turns (post.css hides these buttons above it).
        const toggle = document.createElement("div");
        toggle.className = "write-preview-toggle";
        const modes = [["Write", "is-writing"], ["Preview", "is-previewing"]].map(function ([label, mode]) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "button";
            button.textContent = label;
            button.setAttribute("aria-pressed", String(mode === "is-writing"));
            button.addEventListener("click", function () {
                pair.classList.remove("is-writing", "is-previewing");
                pair.classList.add(mode);
                modes.forEach((other) => other.setAttribute("aria-pressed", String(other === button)));
            });
            return button;
        });
        toggle.append(...modes);
        pair.before(toggle);

        let latest = 0;
        async function refresh() {
            const request = ++latest;
            try {
                const response = await fetch(body.dataset.previewUrl, {
                    method: "POST",
                    headers: {"X-CSRFToken": csrfToken(), "Accept": "application/json"},
                    body: new URLSearchParams({body: body.value}),
                    credentials: "same-origin",
                });
                if (!response.ok) {
                    throw new Error(response.statusText);
                }
                const data = await response.json();
                if (request === latest) {
                    // Sanitized by the server (blog/markup.py), as the page shows it.
                    article.innerHTML = data.html;
                }
            } catch (error) {
                if (request === latest) {
                    article.textContent = "The preview is not available just now; the text is not affected.";
                }
            }
        }
        body.addEventListener("input", debounce(400, refresh));
        refresh();
    }

    /* Existing tags offered as the editor types the last one (PostAdmin.tag_suggestions_view),
       through a datalist whose options repeat what is typed before it. */
    function setUpTagSuggestions() {
        const input = document.querySelector("input[data-suggestions-url]");
        if (!input) {
            return;
        }
        const list = document.createElement("datalist");
        list.id = input.id + "-suggestions";
        input.setAttribute("list", list.id);
        input.after(list);

        let latest = 0;
        async function suggest() {
            const request = ++latest;
            const value = input.value;
            const cut = value.lastIndexOf(",") + 1;
            const typed = value.slice(cut);
            const term = typed.replace(/"/g, "").trim();
            if (!term) {
                list.replaceChildren();
                return;
            }
            const before = value.slice(0, cut) + typed.match(/^\s*/)[0];
            const chosen = new Set(
                value.slice(0, cut).split(",").map((name) => name.replace(/"/g, "").trim().toLowerCase())
            );
            try {
                const url = input.dataset.suggestionsUrl + "?q=" + encodeURIComponent(term);
                const response = await fetch(url, {headers: {"Accept": "application/json"}});
                const data = await response.json();
                if (request !== latest) {
                    return;
                }
                list.replaceChildren(...data.tags
                    .filter((name) => !chosen.has(name.toLowerCase()))
                    .map((name) => {
                        const option = document.createElement("option");
                        option.value = before + (name.includes(",") ? '"' + name + '"' : name);
                        return option;
                    }));
            } catch (error) {
                list.replaceChildren();
            }
        }
        input.addEventListener("input", debounce(150, suggest));
    }

    /* Byline order by “Move up” and “Move down” buttons instead of typed numbers: the rows
       move, and the position fields follow their order. */
    function setUpBylineOrder() {
        const group = document.getElementById("bylines-group");
        const body = group && group.querySelector("tbody");
        if (!body) {
            return;
        }
        const rows = () => Array.from(body.querySelectorAll("tr.form-row:not(.empty-form)"));
        const position = (row) => row.querySelector("input[name$='-position']");
        const index = (row) => Number(row.id.split("-").pop());
        const end = () => body.querySelector("tr.empty-form");

        function renumber() {
            const all = rows();
            all.forEach(function (row, number) {
                const field = position(row);
                if (field) {
                    field.value = number;
                }
                const [up, down] = row.querySelectorAll(".byline-move");
                if (up) {
                    up.disabled = number === 0;
                    down.disabled = number === all.length - 1;
                }
            });
        }

        function button(text, label, move) {
            const element = document.createElement("button");
            element.type = "button";
            element.className = "byline-move";
            element.textContent = text;
            element.setAttribute("aria-label", label);
            element.addEventListener("click", function () {
                move(element.closest("tr"));
                renumber();
                if (element.disabled) {
                    element.parentElement.querySelector(".byline-move:not(:disabled)").focus();
                } else {
                    element.focus();
                }
            });
            return element;
        }

        function addButtons(row) {
            const field = position(row);
            if (!field || field.type === "hidden") {
                return;
            }
            field.type = "hidden";
            field.after(
                button("↑", "Move up in the byline", function (moved) {
                    const all = rows();
                    const before = all[all.indexOf(moved) - 1];
                    if (before) {
                        before.before(moved);
                    }
                }),
                button("↓", "Move down in the byline", function (moved) {
                    const all = rows();
                    const after = all[all.indexOf(moved) + 1];
                    if (after) {
                        after.after(moved);
                    }
                })
            );
        }

        function sortByPosition() {
            rows()
                .sort((a, b) => Number(position(a).value) - Number(position(b).value))
                .forEach((row) => end().before(row));
        }

        // A form sent back with errors lists the rows in form order: show the byline order.
        sortByPosition();
        rows().forEach(addButtons);
        renumber();
        document.addEventListener("formset:added", function (event) {
            if (event.detail && event.detail.formsetName === "bylines") {
                addButtons(event.target);
                renumber();
            }
        });
        // Django's inlines.js renames the rows' form indexes in page order when a new row is
        // removed; put the rows in index order first, so saved rows keep the indexes the
        // server knows them by, then back in byline order.
        group.addEventListener("click", function (event) {
            if (event.target.closest(".inline-deletelink")) {
                rows().sort((a, b) => index(a) - index(b)).forEach((row) => end().before(row));
            }
        }, true);
        document.addEventListener("formset:removed", function (event) {
            if (event.detail && event.detail.formsetName === "bylines") {
                setTimeout(function () {
                    sortByPosition();
                    renumber();
                });
            }
        });
    }

    /* The focal point, set by clicking the subject on the photo; the frame shows the 16:9
       crop that cards use, cut as blog.images.crop_box cuts it. */
    function setUpFocalPoint(image) {
        const across = document.getElementById("id_lead_image_focus_x");
        const down = document.getElementById("id_lead_image_focus_y");
        if (!image || !across || !down) {
            return;
        }
        const picker = document.createElement("div");
        picker.className = "focus-picker";
        image.before(picker);
        const crop = document.createElement("div");
        crop.className = "focus-crop";
        const point = document.createElement("div");
        point.className = "focus-point";
        picker.append(image, crop, point);
        const hint = document.createElement("p");
        hint.className = "help";
        hint.textContent = "Click the subject to set the focal point. The frame shows the crop " +
            "that cards use; the focal point fields below change with it.";
        picker.after(hint);

        const percent = (field) => Math.min(100, Math.max(0, Number(field.value) || 0));

        function draw() {
            const width = image.naturalWidth;
            const height = image.naturalHeight;
            if (!width || !height) {
                return;
            }
            const ratio = 16 / 9;
            let cropWidth = width;
            let cropHeight = Math.max(1, Math.round(width / ratio));
            if (width / height > ratio) {
                cropWidth = Math.max(1, Math.round(height * ratio));
                cropHeight = height;
            }
            const x = percent(across);
            const y = percent(down);
            const left = Math.min(Math.max(Math.round(width * x / 100 - cropWidth / 2), 0), width - cropWidth);
            const top = Math.min(Math.max(Math.round(height * y / 100 - cropHeight / 2), 0), height - cropHeight);
            crop.style.left = (100 * left / width) + "%";
            crop.style.top = (100 * top / height) + "%";
            crop.style.width = (100 * cropWidth / width) + "%";
            crop.style.height = (100 * cropHeight / height) + "%";
            point.style.left = x + "%";
            point.style.top = y + "%";
        }

        image.addEventListener("click", function (event) {
            const box = image.getBoundingClientRect();
            across.value = Math.round(100 * (event.clientX - box.left) / box.width);
            down.value = Math.round(100 * (event.clientY - box.top) / box.height);
            draw();
        });
        across.addEventListener("input", draw);
        down.addEventListener("input", draw);
        // Again whenever another photo is chosen (previewChosenPhoto).
        image.addEventListener("load", draw);
        if (image.complete) {
            draw();
        }
    }

    /* A photo chosen shows at once, with the focal point picker on it, before any save: the
       browser reads the file itself (an object URL); nothing is uploaded until the form is
       sent. A photo already shown (saved or kept) gives way to the new one. */
    function previewChosenPhoto() {
        const input = document.getElementById("id_lead_image");
        if (!input) {
            return;
        }
        let address = null;
        input.addEventListener("change", function () {
            const file = input.files && input.files[0];
            if (!file || !file.type.startsWith("image/")) {
                return;
            }
            if (address) {
                URL.revokeObjectURL(address);
            }
            address = URL.createObjectURL(file);
            let image = document.querySelector("img[data-focus-picker]");
            if (image) {
                image.src = address;
                return;
            }
            image = document.createElement("img");
            image.alt = "";
            image.width = 320;
            image.dataset.focusPicker = "";
            image.src = address;
            const note = document.createElement("p");
            note.className = "help chosen-photo-note";
            note.textContent = "Not saved yet: " + file.name + ". It is saved with the post.";
            const place = document.createElement("div");
            place.className = "chosen-photo";
            place.append(image, note);
            input.closest(".flex-container").after(place);
            setUpFocalPoint(image);
        });
    }

    /* Schedule… publishes at the publication time: with none yet, the first press shows
       the field instead of sending the form (which the server would refuse). */
    function setUpSchedule() {
        const button = document.querySelector("button[data-schedule]");
        const date = document.getElementById("id_published_at_0");
        if (!button || !date) {
            return;
        }
        const hint = document.createElement("p");
        hint.className = "help";
        hint.setAttribute("role", "status");
        date.closest(".form-row").append(hint);
        button.addEventListener("click", function (event) {
            if (date.value.trim()) {
                return;
            }
            event.preventDefault();
            const closed = date.closest("details:not([open])");
            if (closed) {
                closed.open = true;
            }
            hint.textContent = "Choose the date and time to publish at, then press " +
                "“Schedule…” again.";
            date.scrollIntoView({block: "center"});
            date.focus();
        });
    }

    /* Select2, which the admin's autocomplete fields use, names its box after the choice, so
       an empty one has no name for screen readers: give it its field's. */
    function nameAutocompleteBoxes() {
        document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
            const container = select.nextElementSibling;
            const label = select.id && document.querySelector("label[for='" + select.id + "']");
            const name = label ? label.textContent.replace(/:\s*$/, "").trim() : select.getAttribute("aria-label");
            if (!container || !name) {
                return;
            }
            container.querySelectorAll("[role=combobox], [role=textbox]").forEach(function (box) {
                box.setAttribute("aria-label", name);
            });
        });
    }

    /* Every word typed is found in the name: blog.forms.typed_names, the server's rule. */
    function typedNames(typed, name) {
        const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
        return words.every((word) => name.toLowerCase().includes(word));
    }

    /* A name typed in a byline box but not chosen from the suggestions (pressing Enter
       before they load chooses nothing) would leave the name the box shows: each row's
       hidden `typed` field carries the text until a name is chosen, the server refuses a
       mismatch (blog.forms.BylineForm), and here the form is not sent until it is fixed. */
    function guardByline() {
        const $ = window.django && window.django.jQuery;
        const group = document.getElementById("bylines-group");
        const form = group && group.closest("form");
        if (!$ || !form) {
            return;
        }
        const typedField = (select) => select.closest("tr").querySelector("[data-byline-typed]");
        let open = null;
        $(group).on("select2:open", "select", function () {
            open = this;
        });
        // What is typed after it closes (in the blog or tag box, say) is not this row's.
        $(group).on("select2:close", "select", function () {
            open = null;
        });
        $(group).on("select2:select select2:clear", "select", function () {
            typedField(this).value = "";
            warning.hidden = true;
        });
        document.addEventListener("input", function (event) {
            if (open && event.target.matches(".select2-search__field")) {
                typedField(open).value = event.target.value;
            }
        });
        const warning = document.createElement("p");
        warning.className = "errornote";
        warning.setAttribute("role", "alert");
        warning.hidden = true;
        group.prepend(warning);
        form.addEventListener("submit", function (event) {
            for (const field of group.querySelectorAll("tr:not(.empty-form) [data-byline-typed]")) {
                const select = field.closest("tr").querySelector("select");
                const chosen = select && select.selectedOptions[0];
                const name = chosen ? chosen.textContent.trim() : "";
                if (field.value.trim() && !typedNames(field.value, name)) {
                    event.preventDefault();
                    warning.textContent = "You typed “" + field.value.trim() + "” in the byline " +
                        "but did not choose it from the suggestions, so the byline still says “" +
                        (name || "nobody") + "”. Choose the author from the list, or clear what " +
                        "you typed.";
                    warning.hidden = false;
                    const box = select.nextElementSibling && select.nextElementSibling.querySelector("[role=combobox]");
                    (box || select).focus();
                    group.scrollIntoView({block: "start"});
                    return;
                }
            }
        });
    }

    /* The library's photos under the body (admin/blog/post/photo_library.html): Insert puts
       the photo's code on a line of its own at the cursor, and the preview follows. */
    function setUpPhotoInsert() {
        const body = document.getElementById("id_body");
        if (!body) {
            return;
        }
        for (const button of document.querySelectorAll("button[data-insert-photo]")) {
            button.hidden = false;
            button.addEventListener("click", function () {
                const before = body.value.slice(0, body.selectionStart).replace(/\s*$/, "");
                const after = body.value.slice(body.selectionEnd).replace(/^\s*/, "");
                const code = button.dataset.insertPhoto;
                body.value = (before ? before + "\n\n" : "") + code + (after ? "\n\n" + after : "\n");
                const cursor = (before ? before.length + 2 : 0) + code.length;
                body.focus();
                body.setSelectionRange(cursor, cursor);
                body.dispatchEvent(new Event("input", {bubbles: true}));
            });
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        guardByline();
        setUpPhotoInsert();
        setUpPreview();
        setUpTagSuggestions();
        setUpBylineOrder();
        const photo = document.querySelector("img[data-focus-picker]");
        if (photo) {
            setUpFocalPoint(photo);
        }
        previewChosenPhoto();
        setUpSchedule();
    });
    // Whenever the admin sets up an autocomplete box: on load, and in each new byline row.
    new MutationObserver(nameAutocompleteBoxes).observe(document.documentElement, {
        childList: true,
        subtree: true,
    });
}());
