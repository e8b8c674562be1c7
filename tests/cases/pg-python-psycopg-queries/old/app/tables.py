ACCOUNTS = "accounts"
