# 個人資料與隱私：電話、公開與否、刪除資料
profile-cmd = 我的資料和電話
privacy-cmd-forgetme = 刪除我的個人資料

profile-card =
    👤 您的資料
    名字：{ $name }
    電話：{ $phone }
    管家為您的報修打電話或私訊：{ $contact }

    別人看得到的：{ $public }
    您的門牌號碼永遠不會公開。
profile-phone-none = 還沒填
profile-public-name = 名字
profile-public-phone = 電話
profile-public-badge = 黨員身分
profile-public-sep = 、
profile-btn-set-phone = 📞 填寫電話
profile-btn-change-phone = 📞 修改電話
profile-btn-publish = 公開我的電話
profile-btn-hide = 不公開電話
profile-btn-remove-phone = 刪除電話
profile-btn-badge-on = 亮出黨員身分
profile-btn-badge-off = 不再亮身分
profile-btn-share = 📱 傳送我的手機號碼
profile-btn-cancel = 取消
profile-phone-ask =
    請點下方的「傳送我的手機號碼」，或直接輸入您的電話號碼。
    電話預設只有您自己看得到，要不要公開，由您決定。
profile-phone-saved = 電話 { $phone } 已儲存。現在只有您自己看得到。
profile-phone-invalid = 這個號碼好像不太對，請再輸入一次，例如 0912345678。
profile-phone-not-yours = 請傳送您自己的手機號碼，不能幫別人填寫。
profile-phone-cancelled = 好的，電話沒有變更。
profile-updated = 已更新

privacy-forget-confirm =
    確定要刪除您在紅管家裡的個人資料嗎？
    · 您的名字、使用者名稱和電話會被刪除
    · 您在社區的住戶登記會結束，擔任的職務會撤銷，服務隊也會把您移出
    · 您反映過的事情、投過的票會保留，但不再顯示是誰
    刪除後無法復原。以後您再來找我，就當是第一次見面。
privacy-forget-yes = 確定刪除
privacy-forget-no = 先不刪了
privacy-forget-done = 已經刪除了您的個人資料。感謝您一直以來的支持，祝您生活順心！
privacy-forget-kept = 好的，什麼都沒有刪，您的資料都還在。
privacy-private-only = 個人資料的事情請私訊我，群組裡大家都看得到。
profile-contact-yes = 可以
profile-contact-no = 不用
profile-btn-contact-on = 允許管家聯絡我
profile-btn-contact-off = 不用管家聯絡我
