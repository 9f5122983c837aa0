## Lobby screen (电子大屏)
sc-cmd-screen = Lobby screen (大屏): its address
sc-denied = Only the compound's admin can manage the lobby screen's address.
sc-which-compound = Which compound's screen?
sc-url =
    The lobby screen of { $compound }:
    { $url }
    Open it in the browser of the lobby TV or monitor, full screen; it updates itself every few seconds. Keep the address to yourself; if it got out, press "New address" and the old one stops working at once.
sc-no-url = This bot's web server has no public address (set WEBHOOK_URL, or WEB_ENABLED with a WEB_HOST). The screen's path is: { $path }
sc-btn-rotate = New address
sc-rotated = New address made; the old one no longer works.
sc-title = { $compound } · lobby screen
sc-open = Open tickets
sc-by-category = By category
sc-by-age = By age
sc-age-day = Under 1 day
sc-age-days3 = 1–3 days
sc-age-older = Over 3 days
sc-month = This month
sc-accept = Time to accept (median)
sc-resolve = Time to resolve (median)
sc-rating = Mean rating
sc-hours = { $hours } h
sc-stars = { $rating } / 5
sc-none = —
sc-votes = Open votes (turnout)
sc-turnout = { $voted } / { $eligible }
sc-turnout-open = { $voted } votes
sc-duty = On duty today
sc-duty-when = { $roster } { $start }–{ $end }
sc-nobody = nobody yet
sc-activities = Coming up
sc-activity-when = { $title } · { $start }
sc-left = { $left } places left
sc-empty = nothing yet
sc-updated = Updated { $time }
sc-offline = Connection lost, retrying…
