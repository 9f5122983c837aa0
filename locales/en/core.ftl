# Core: greeting, help, language, errors
lang-name-zh-Hans = 简体中文
lang-name-zh-Hant = 繁體中文
lang-name-en = English

start-greeting =
    Hello, { $name }! I am Red Steward, here for anything in your compound.
start-abilities =
    I can help you:
    · report repairs and complaints, make suggestions, and follow their progress
    · take part in owners' votes and compound polls
    · sign up as a volunteer and check your points
    · get duty reminders (such as the school-crossing guard)
    Send /help for all commands, /lang to change the language.
help-private-title = Here is what you can do:
help-group-title = In this group:
help-line = /{ $command } — { $description }
help-private-footer = The "/" button next to the message box shows the common commands too.
help-group-footer = For everything else, message me privately.
lang-choose = Choose your language:
lang-set = Done. I will talk to you in { $language } from now on.
lang-unknown = That language is not available; please pick one of the buttons.
slow-down-group = { $name }, you are sending too fast. Please wait a minute and try again.
slow-down = You are going a little fast. Please wait a few seconds and try again.
error-apology = Sorry, something went wrong on our side. If you report it, quote this reference: { $ref }
db-unavailable-kept = The service is temporarily unavailable. I have kept what you sent and will deal with it as soon as it is back; there is no need to send it again.
db-unavailable-retry = The service is temporarily unavailable. Please try again in a few minutes.
unknown-command = I don't know that command. Send /help to see what I can do.
stale-button = This button has expired. Please start again.

cmd-start = Start Red Steward
cmd-help = What I can do
cmd-lang = Change language
compound-choose = Choose a compound:
compound-none-for-action = You don't have this permission in any compound. Ask your compound's admin if you need it.
not-allowed = Sorry, you are not allowed to do that.

## how long until something starts, as reminders say it
left-hour = in an hour
left-minutes = in { $minutes } min
