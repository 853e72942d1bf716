namespace EfReadCache;

/// <summary>Thrown at configuration time when EfReadCache options are invalid. The message names each wrong value and what is valid.</summary>
public sealed class ReadCacheConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that explains what to fix.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ReadCacheConfigurationException(string message)
        : base(message)
    {
    }
}
