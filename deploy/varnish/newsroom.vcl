vcl 4.1;

# Newsroom: the cache logic in front of Django (gunicorn).
#
# This file defines no backend: it is included by a small top-level VCL
# that does. deploy/varnish/run writes that file (backend host and port
# from the environment); the varnishtest cases in deploy/varnish/tests/
# include this file after their own mock backend.
#
# The contract with the app:
#   * cacheable anonymous pages answer
#       Cache-Control: public, max-age=0, s-maxage=N   (N = 0: do not store)
#       xkey: all news story-12 tag-3 ...              (surrogate keys)
#       X-Epoch: <integer>     (invalidation epoch read when rendering began)
#   * logged-in pages say Cache-Control: private; nothing with Set-Cookie is stored.
#   * on a change the app sends, from localhost,
#       PURGE / HTTP/1.1
#       xkey-purge: key1 key2 ...
#       X-Epoch: <integer>
#     Varnish raises its epoch to max(current, X-Epoch), then hard-purges
#     every object carrying any of the keys, and answers 200 with
#     X-Purged: <count>.
#   * a response rendered under an older epoch than Varnish's (it began
#     before a change whose purge has since happened) is delivered to its
#     client but never stored.

import cookie;
import std;
import var;
import xkey;

# Who may PURGE: the app, on this machine.
acl newsroom_purgers {
    "127.0.0.1";
    "::1";
}

# The invalidation epoch is the vmod_var global "newsroom-epoch". Globals
# live as long as varnishd does (across VCL reloads) and hold strings only.

sub vcl_recv {
    # Builtin: lower-case Host; 400 for an HTTP/1.1 request without Host.
    call vcl_req_host;

    if (req.method == "PURGE") {
        call newsroom_purge;
    }
    if (req.method == "PRI") {
        return (synth(405));
    }
    # POST, PUT, DELETE, OPTIONS, ...: straight to the app, untouched.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    call newsroom_strip_tracking_params;

    # Keep only Django's session, CSRF and messages cookies (a passed page
    # such as the admin shows "saved" from the messages cookie).
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep("sessionid,csrftoken,messages");
        # get_string() gives "a=1; b=2;": drop that trailing separator.
        set req.http.Cookie = regsub(cookie.get_string(), ";\s*$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # Logged in (or at least holding a session): never from the cache.
    if (cookie.isset("sessionid")) {
        return (pass);
    }
    if (req.url ~ "^/(admin|members)/") {
        return (pass);
    }
    # Builtin: a request with Authorization is passed.
    call vcl_req_authorization;

    # An anonymous page: it does not depend on any cookie (a page that needs
    # the CSRF cookie sets it, and a response with Set-Cookie is not stored),
    # so every anonymous reader shares one object. Removing the header also
    # makes the app's "Vary: Cookie" match for all of them. Returning here
    # keeps the builtin vcl_recv from passing requests that carry cookies.
    unset req.http.Cookie;
    return (hash);
}

# Drop utm_*, fbclid and gclid from the query string, keeping the other
# parameters in their order:
#   /news/?utm_source=x&page=2&gclid=1  ->  /news/?page=2
#   /news/?utm_x=5                      ->  /news/
sub newsroom_strip_tracking_params {
    if (req.url ~ "[?&](utm_[^=&]*|fbclid|gclid)(=|&|$)") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[^=&]*|fbclid|gclid)(=[^&]*)?(&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
}

sub newsroom_purge {
    if (client.ip !~ newsroom_purgers) {
        return (synth(405, "Method Not Allowed"));
    }
    if (!req.http.xkey-purge && !req.http.X-Epoch) {
        return (synth(400, "PURGE needs xkey-purge or X-Epoch"));
    }
    # First raise the epoch, so that a render which began before this change
    # and finishes after the purge below is not stored...
    if (req.http.X-Epoch) {
        if (req.http.X-Epoch !~ "^[0-9]{1,15}$") {
            return (synth(400, "X-Epoch must be a non-negative integer"));
        }
        var.set_int("epoch", std.integer(s = req.http.X-Epoch, fallback = 0));
        if (var.get_int("epoch") >
            std.integer(s = var.global_get("newsroom-epoch"), fallback = 0)) {
            var.global_set("newsroom-epoch", "" + var.get_int("epoch"));
        }
        # The read-compare-write above is not atomic: two PURGEs at once
        # could leave the lower epoch. Check once more, which narrows that
        # window to almost nothing.
        if (var.get_int("epoch") >
            std.integer(s = var.global_get("newsroom-epoch"), fallback = 0)) {
            var.global_set("newsroom-epoch", "" + var.get_int("epoch"));
        }
    }
    # ...then remove (hard purge: no grace) every object with any of the keys.
    var.set_int("purged", 0);
    if (req.http.xkey-purge) {
        var.set_int("purged", xkey.purge(req.http.xkey-purge));
    }
    return (synth(200, "Purged"));
}

sub vcl_pass {
    # Told apart from a miss in vcl_deliver (a task variable: nothing is
    # added to the request the backend sees).
    var.set("newsroom-pass", "1");
}

sub vcl_backend_response {
    # Race protection: rendered under an older epoch than the latest purge's,
    # so it may show what that purge removed. Deliver it, but do not store it.
    # (A response without X-Epoch, such as a static file, is not checked; a
    # malformed one counts as epoch 0.)
    if (beresp.http.X-Epoch &&
        std.integer(s = beresp.http.X-Epoch, fallback = 0) <
        std.integer(s = var.global_get("newsroom-epoch"), fallback = 0)) {
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            # Keep serving the stale copy for the rest of its grace.
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # A public library file: its name is random and its bytes never change,
    # so keep it a day, tagged with its token. When its story or page stops
    # being public the app moves it out of reach and purges "file-<token>".
    if (bereq.url ~ "^/media/(images|documents)/" && beresp.status == 200) {
        set beresp.http.xkey = "file-" + regsub(bereq.url,
            "^/media/(images|documents)/[^/]+/([A-Za-z0-9_-]{22}).*$", "\2");
        if (!beresp.http.Cache-Control) {
            set beresp.ttl = 1d;
            set beresp.grace = 10s;
            return (deliver);
        }
    }
    # No caching headers at all (a 404, a redirect): Varnish would keep it
    # for default_ttl (120 s) with no xkey to purge it by, so a story
    # published meanwhile would stay "not found". Do not store it.
    if (!beresp.http.Cache-Control && !beresp.http.Expires &&
        !beresp.http.Surrogate-Control) {
        set beresp.ttl = 0s;
    }
    # Serve an expired object for up to 10 s while a background fetch
    # revalidates it. Purged objects are gone at once (hard purge).
    set beresp.grace = 10s;
    # The builtin then keeps the TTL from s-maxage and makes hit-for-miss
    # objects of ttl <= 0 (s-maxage=0, or no caching headers), Set-Cookie
    # and private/no-cache/no-store responses.
}

sub vcl_deliver {
    if (var.get("newsroom-pass") == "1") {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.X-Epoch;
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        if (resp.status == 200) {
            set resp.http.X-Purged = var.get_int("purged");
            set resp.http.X-Epoch =
                std.integer(s = var.global_get("newsroom-epoch"), fallback = 0);
        }
        set resp.body = "" + resp.status + " " + resp.reason + {"
"};
        return (deliver);
    }
}
