using System.Globalization;
using System.Text;
using System.Xml;

namespace ArticleGen.Web;

/// <summary>The Atom feed of the newest posts.</summary>
internal static class Feed
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>The feed as UTF-8 bytes (the XML declaration says so).</summary>
    public static byte[] Atom(IEnumerable<NewsPost> posts, Uri site)
    {
        var newest = posts.OrderByDescending(p => p.Date).ThenBy(p => p.Slug, StringComparer.Ordinal).Take(20).ToList();
        var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteElementString("title", AtomNamespace, "Ruby news");
            writer.WriteElementString("id", AtomNamespace, site.ToString());
            writer.WriteElementString("updated", AtomNamespace, Timestamp(newest.Count > 0 ? newest[0].Date : DateTimeOffset.UnixEpoch));
            WriteLink(writer, new Uri(site, "feed.xml"), "self");
            WriteLink(writer, site, "alternate");
            foreach (var post in newest)
            {
                var url = new Uri(site, Pages.PostUrl(post));
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("title", AtomNamespace, post.Title);
                writer.WriteElementString("id", AtomNamespace, url.ToString());
                writer.WriteElementString("updated", AtomNamespace, Timestamp(post.Date));
                WriteLink(writer, url, "alternate");
                writer.WriteStartElement("author", AtomNamespace);
                writer.WriteElementString("name", AtomNamespace, string.IsNullOrEmpty(post.Author) ? "ruby-lang.org" : post.Author);
                writer.WriteEndElement();
                foreach (var tag in post.Tags)
                {
                    writer.WriteStartElement("category", AtomNamespace);
                    writer.WriteAttributeString("term", tag);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return bytes.ToArray();
    }

    private static void WriteLink(XmlWriter writer, Uri href, string relation)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", relation);
        writer.WriteAttributeString("href", href.ToString());
        writer.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset date) => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
