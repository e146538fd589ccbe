<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an RSS 2.0 or Atom feed of articles/feeds.py as a page when a browser
  opens it; feed readers ignore it. Its output loads only the site's own
  stylesheet and logo, which the feed response's Content-Security-Policy
  (settings.SECURE_CSP) allows, and runs no script. Static paths are written
  out in full: an XSL file is not run through {% static %}, and whitenoise
  serves every file under its plain name as well as its hashed one.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">

  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="feeds-page">/news/feeds/</xsl:variable>
  <xsl:variable name="months">JanFebMarAprMayJunJulAugSepOctNovDec</xsl:variable>

  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <xsl:variable name="address" select="rss/channel/atom:link[@rel='self']/@href | atom:feed/atom:link[@rel='self']/@href"/>
    <xsl:variable name="site-page" select="rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href"/>
    <!-- The feeds' titles read "<site name>: <which feed>" (articles/feeds.py). -->
    <xsl:variable name="site-name">
      <xsl:choose>
        <xsl:when test="contains($title, ': ')"><xsl:value-of select="substring-before($title, ': ')"/></xsl:when>
        <xsl:otherwise>News</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (news feed)</title>
        <link rel="icon" href="/static/img/logo.svg" type="image/svg+xml"/>
        <link rel="stylesheet" href="/static/css/site.css"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="brand" href="/">
              <img class="logo" src="/static/img/logo.svg" width="44" height="44" alt=""/>
              <span class="brand__name"><xsl:value-of select="$site-name"/></span>
            </a>
          </div>
        </header>
        <main id="main" class="wrap feed-preview" tabindex="-1">
          <header class="page-header">
            <p class="feed-preview__kicker">News feed</p>
            <h1><xsl:value-of select="$title"/></h1>
            <p class="page-header__intro">
              This is a news feed: a web address that a feed reader app checks for new stories.
              To follow these stories, copy the address below into your feed reader.
              <a href="{$feeds-page}">What is a feed, and which feeds are there?</a>
            </p>
            <xsl:if test="$address">
              <p class="feed__address">
                <label for="feed-address">Address</label>
                <input id="feed-address" type="text" value="{$address}" readonly="readonly" spellcheck="false"/>
              </p>
            </xsl:if>
          </header>
          <xsl:choose>
            <xsl:when test="rss/channel/item | atom:feed/atom:entry">
              <ol class="feed-preview__items">
                <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p>There are no stories in this feed yet.</p>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$site-page">
            <p class="more-link"><a href="{$site-page}">Read these stories on the website</a></p>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li class="feed-preview__item">
      <h2 class="card__title"><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <xsl:if test="pubDate">
        <!-- RFC 822: "Tue, 16 Jan 2024 10:00:00 +0000" reads "16 Jan 2024". -->
        <p class="feed-preview__date">
          <xsl:value-of select="concat(number(substring(pubDate, 6, 2)), ' ', substring(pubDate, 9, 8))"/>
        </p>
      </xsl:if>
      <xsl:if test="normalize-space(description)">
        <p class="card__standfirst"><xsl:value-of select="description"/></p>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <xsl:variable name="when" select="(atom:published | atom:updated)[1]"/>
    <li class="feed-preview__item">
      <h2 class="card__title">
        <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      </h2>
      <xsl:if test="$when">
        <!-- RFC 3339: "2024-01-16T10:00:00+00:00" reads "16 Jan 2024". -->
        <p class="feed-preview__date">
          <time datetime="{$when}">
            <xsl:value-of select="concat(number(substring($when, 9, 2)), ' ',
              substring($months, 3 * number(substring($when, 6, 2)) - 2, 3), ' ',
              substring($when, 1, 4))"/>
          </time>
        </p>
      </xsl:if>
      <xsl:if test="normalize-space(atom:summary)">
        <p class="card__standfirst"><xsl:value-of select="atom:summary"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
