"""Online platforms and technology companies that news names every day.

The recogniser learned from 1990s news and reads "Twitter" and "Instagram" as persons,
"Reddit" as a nationality, and misses "Facebook" and "Uber" outright. Only names that
are rarely anything else are listed, as written ("Telegram", not "telegram").
"""

from __future__ import annotations

ONLINE_COMPANIES = frozenset(
    {
        "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "WhatsApp", "Telegram",
        "Reddit", "Snapchat", "LinkedIn", "Pinterest", "Tumblr", "Weibo", "WeChat", "Douyin",
        "Bluesky", "Mastodon", "Substack", "Wikipedia", "Wikinews", "Google", "Netflix",
        "Spotify", "Uber", "Lyft", "Airbnb", "Microsoft", "OpenAI", "ChatGPT", "Skype",
        "Yahoo", "Baidu", "Alibaba", "Tencent", "ByteDance", "Nvidia", "Samsung", "Huawei",
        "Xiaomi", "PayPal", "eBay", "Dropbox", "GitHub", "Hulu", "Pixar", "DeepMind",
        "SpaceX", "Instacart", "DoorDash", "Shopify", "Zillow", "Yelp", "Etsy", "Tinder",
        "Venmo", "Coinbase", "Binance",
    }
)  # fmt: skip
