# 明白賬：金額與記賬的拒絕理由

acct-money-malformed = 看不懂這個金額：「{ $text }」。請寫成 1280.50、1,280.50 或 1280.5元。
acct-money-negative = 金額不能是負數。支出請選擇「支出」，金額寫正數。
acct-money-decimals = 金額最多兩位小數（精確到分）。
acct-money-zero = 金額不能為零。
acct-money-ceiling = 金額超過了本社區設定的上限 { $ceiling } 元，請檢查是否多寫了位數。
acct-err-insufficient = 餘額不足：帳戶現有 { $balance } 元，這筆需要 { $needed } 元。什麼都沒有記錄。
acct-err-over-approval = 超出批准金額：批准 { $approved } 元，尚餘 { $left } 元，這筆需要 { $needed } 元。
acct-err-too-long = 文字太長了，最多 { $limit } 個字。
acct-err-empty = 這一項不能為空。
acct-err-attachments = 附件最多 { $limit } 個。
acct-err-gone = 這筆帳目不存在。
acct-err-own-entry = 記賬人不能確認自己記的賬，需要另一位業委會成員或社區幹部確認。
acct-err-reviewed = 這筆帳目已經審核過了。
acct-err-reverse-reversal = 沖正記錄不能再沖正；如有錯誤，請另記一筆更正。
acct-err-reverse-unconfirmed = 只有已確認公開的帳目才能沖正；未確認的請直接駁回。
acct-err-reversal-rejected = 這筆帳目的沖正已被駁回，不能再次沖正；請另記一筆更正。
acct-err-needs-decision = 維修資金的支出必須引用業主大會通過的表決（維修資金使用事項）或應急/小額維修程序的批准。什麼都沒有記錄。
acct-err-basis-mismatch = 引用的批准不屬於本社區的這個帳戶。
acct-err-basis-income = 收入不需要引用批准。
